#include "vips_runtime.hpp"

#include <vips/vips.h>

#include <mutex>
#include <stdexcept>

namespace manmulsang::image {
namespace {

void DropMessage(const gchar*, GLogLevelFlags, const gchar*, gpointer) {}

void StartVips() {
  if (VIPS_INIT("manmulsang") != 0) throw std::runtime_error("libvips could not be initialised");
  vips_block_untrusted_set(TRUE);
  vips_operation_block_set("VipsForeignLoad", TRUE);
  for (const char* loader :
       {"VipsForeignLoadJpeg", "VipsForeignLoadPng", "VipsForeignLoadWebp", "VipsForeignLoadNsgif"}) {
    vips_operation_block_set(loader, FALSE);
  }
  vips_cache_set_max(0);
  vips_cache_set_max_mem(0);
  vips_cache_set_max_files(0);
  vips_concurrency_set(1);
  g_log_set_handler("VIPS", static_cast<GLogLevelFlags>(G_LOG_LEVEL_WARNING | G_LOG_LEVEL_MESSAGE), DropMessage,
                    nullptr);
}

}  // namespace

void EnsureVips() {
  static std::once_flag once;
  std::call_once(once, StartVips);
}

}  // namespace manmulsang::image
