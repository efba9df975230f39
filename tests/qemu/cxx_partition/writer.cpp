// cxx_partition, CxxWriter: its port is opened by a global object's
// constructor (dynamic initialisation, .init_array), then written.
#include <xm.h>

namespace {

class SamplingSource {
 public:
  SamplingSource(const char* name, xm_u32_t size)
      : desc_(XM_create_sampling_port(const_cast<char*>(name), size, XM_SOURCE_PORT)), constructed_(true) {}
  bool constructed() const { return constructed_; }
  xm_s32_t desc() const { return desc_; }
  xm_s32_t write(xm_u32_t v) { return XM_write_sampling_message(desc_, &v, sizeof v); }

 private:
  xm_s32_t desc_;
  bool constructed_;
};

SamplingSource out("out", 16);

}  // namespace

extern "C" void PartitionMain(void) {
  xprintf("CxxWriter: constructed %s, descriptor %d\n", out.constructed() ? "yes" : "no", static_cast<int>(out.desc()));
  xprintf("CxxWriter: write %d\n", static_cast<int>(out.write(1234)));
}
