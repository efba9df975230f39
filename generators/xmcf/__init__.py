"""XM_CF (XtratuM configuration file) reader for Stratum.

Four steps, each in its own module: parse (XML + XSD, parse.py) -> model
(model.py, every object keeps its source line) -> validate (rules/, one
module per topic, all rules, all errors and warnings collected) -> emit
(emit.py, Jinja2 templates only format). What the rules know of the target,
the board and the health monitor is written once: facts.py reads the C++
headers that state the facts, hm.py is the HM matrix the C++ header is
generated from.
"""
