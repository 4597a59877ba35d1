#pragma once

#include <string_view>

namespace manmulsang::core {

// A file compiled into the binary (migrations, templates, static assets): the binary needs no
// files beside it, so one copy runs anywhere on the intranet.
struct EmbeddedFile {
  std::string_view path;  // relative to the folder it was embedded from, '/'-separated
  std::string_view content;
};

}  // namespace manmulsang::core
