#include "temp_directory.hpp"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <stdexcept>
#include <string>
#include <system_error>
#include <vector>

namespace manmulsang::testing {

TempDirectory::TempDirectory(std::string_view prefix) {
  const char* base = std::getenv("TMPDIR");
  std::filesystem::path parent = (base != nullptr && *base != '\0') ? base : "/tmp";
  std::string pattern = (parent / (std::string(prefix) + "-XXXXXX")).string();
  std::vector<char> buffer(pattern.begin(), pattern.end());
  buffer.push_back('\0');
  if (::mkdtemp(buffer.data()) == nullptr) {
    throw std::system_error(errno, std::generic_category(), "mkdtemp " + pattern);
  }
  path_ = buffer.data();
}

TempDirectory::~TempDirectory() { Remove(); }

TempDirectory::TempDirectory(TempDirectory&& other) noexcept : path_(std::move(other.path_)) { other.path_.clear(); }

TempDirectory& TempDirectory::operator=(TempDirectory&& other) noexcept {
  if (this != &other) {
    Remove();
    path_ = std::move(other.path_);
    other.path_.clear();
  }
  return *this;
}

void TempDirectory::Remove() noexcept {
  if (path_.empty()) return;
  const char* keep = std::getenv("MANMULSANG_KEEP_TEST_DATA");
  if (keep != nullptr && *keep != '\0' && std::strcmp(keep, "0") != 0) return;
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
  path_.clear();
}

}  // namespace manmulsang::testing
