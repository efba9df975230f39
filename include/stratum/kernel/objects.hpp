// The object interface (manual 5.19): XM_read_object, XM_write_object,
// XM_seek_object and XM_ctrl_object take a descriptor naming an object's
// class (bits 31..24), a partition (23..10) and an id (9..0), and dispatch
// on the class to the service that owns it, as XtratuM's objectTab does.
// A new class (sampling and queuing ports, the HM log, traces) is one entry
// of the table; an operation a class does not have answers XM_INVALID_PARAM.
#pragma once

#include <array>
#include <cstdint>

#include "stratum/kernel/hypercalls.hpp"

extern "C" {
#include "xm/objects.h"
}

namespace stratum::kernel {

// What one object class can do; a null entry is an operation it lacks.
struct ObjectClass {
  std::int32_t (*read)(Caller, xmObjDesc_t, UserPtr<void> buffer, xm_u32_t size, UserPtr<xm_u32_t> flags) = nullptr;
  std::int32_t (*write)(Caller, xmObjDesc_t, UserPtr<void> buffer, xm_u32_t size, UserPtr<xm_u32_t> flags) = nullptr;
  std::int32_t (*seek)(Caller, xmObjDesc_t, xm_u32_t offset, xm_u32_t whence) = nullptr;
  std::int32_t (*ctrl)(Caller, xmObjDesc_t, xm_u32_t cmd, UserPtr<void> arg) = nullptr;
};

inline constexpr std::size_t object_classes = OBJ_CLASS_STATUS + 1;  // OBJ_CLASS_NULL .. OBJ_CLASS_STATUS

// The table is the kernel's: K::object_table(), indexed by OBJ_CLASS_*.
template <class K>
class Objects {
 public:
  static std::int32_t read_object(Caller caller, xmObjDesc_t objDesc, UserPtr<void> buffer, xm_u32_t size,
                                  UserPtr<xm_u32_t> flags) {
    const ObjectClass* c = of(objDesc);
    return c && c->read ? c->read(caller, objDesc, buffer, size, flags) : XM_INVALID_PARAM;
  }
  static std::int32_t write_object(Caller caller, xmObjDesc_t objDesc, UserPtr<void> buffer, xm_u32_t size,
                                   UserPtr<xm_u32_t> flags) {
    const ObjectClass* c = of(objDesc);
    return c && c->write ? c->write(caller, objDesc, buffer, size, flags) : XM_INVALID_PARAM;
  }
  static std::int32_t seek_object(Caller caller, xmObjDesc_t objDesc, xm_u32_t offset, xm_u32_t whence) {
    const ObjectClass* c = of(objDesc);
    return c && c->seek ? c->seek(caller, objDesc, offset, whence) : XM_INVALID_PARAM;
  }
  static std::int32_t ctrl_object(Caller caller, xmObjDesc_t objDesc, xm_u32_t cmd, UserPtr<void> arg) {
    const ObjectClass* c = of(objDesc);
    return c && c->ctrl ? c->ctrl(caller, objDesc, cmd, arg) : XM_INVALID_PARAM;
  }

  using Hypercalls =
      kernel::Hypercalls<Bind<__READ_OBJECT_NR, &read_object>, Bind<__WRITE_OBJECT_NR, &write_object>,
                         Bind<__SEEK_OBJECT_NR, &seek_object>, Bind<__CTRL_OBJECT_NR, &ctrl_object>>;

 private:
  static constexpr std::array<ObjectClass, object_classes> table_ = K::object_table();

  static const ObjectClass* of(xmObjDesc_t d) {
    const std::uint32_t c = OBJDESC_GET_CLASS(d);
    return c < object_classes ? &table_[c] : nullptr;
  }
};

}  // namespace stratum::kernel
