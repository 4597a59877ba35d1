#pragma once

#include <filesystem>
#include <string_view>

namespace manmulsang::testing {

// A fresh folder under $TMPDIR (or /tmp), removed with everything in it on destruction.
// Set MANMULSANG_KEEP_TEST_DATA=1 to keep it for a post-mortem.
class TempDirectory {
 public:
  explicit TempDirectory(std::string_view prefix = "manmulsang-test");
  ~TempDirectory();

  TempDirectory(const TempDirectory&) = delete;
  TempDirectory& operator=(const TempDirectory&) = delete;
  TempDirectory(TempDirectory&& other) noexcept;
  TempDirectory& operator=(TempDirectory&& other) noexcept;

  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(std::string_view name) const { return path_ / name; }

 private:
  void Remove() noexcept;

  std::filesystem::path path_;
};

}  // namespace manmulsang::testing
