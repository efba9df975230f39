"""XM_CF (XtratuM configuration file) reader for Stratum.

Four steps, each in its own module: parse (XML + XSD, parse.py) -> model
(model.py, every object keeps its source line) -> validate (checks.py, all
rules, all errors collected) -> emit (emit.py, Jinja2 templates only format).
"""
