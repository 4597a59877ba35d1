#include <gtest/gtest.h>

#include <vips/vips.h>

#include <unistd.h>
#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <mutex>
#include <string>

#include "manmulsang/qr/qr_code.hpp"
#include "manmulsang/qr/qr_svg.hpp"

// A real reader reads what the encoder draws: each SVG is drawn into a PNG by libvips (librsvg
// underneath) and decoded by Debian's zbarimg.
namespace manmulsang::qr {
namespace {

namespace fs = std::filesystem;

constexpr std::array kLevels = {ErrorCorrection::low, ErrorCorrection::medium, ErrorCorrection::quartile,
                                ErrorCorrection::high};

bool ZbarimgInstalled() { return std::system("command -v zbarimg >/dev/null 2>&1") == 0; }

class QrDecodingTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    static std::once_flag once;
    std::call_once(once, [] {
      if (VIPS_INIT("qr_test") != 0) std::abort();
    });
  }

  void SetUp() override {
    // Never skipped: a machine without the reader cannot say the symbols are readable.
    ASSERT_TRUE(ZbarimgInstalled()) << "zbarimg is missing: install Debian's zbar-tools (scripts/install-deps)";
    folder_ = fs::temp_directory_path() / ("manmulsang-qr-" + std::to_string(::getpid()));
    fs::create_directories(folder_);
  }

  void TearDown() override {
    std::error_code ignored;
    fs::remove_all(folder_, ignored);
  }

  // Draws the SVG at 6 pixels a module into a PNG and returns its path.
  fs::path DrawPng(const std::string& svg, const std::string& name) {
    VipsImage* drawn = nullptr;
    if (vips_svgload_buffer(const_cast<char*>(svg.data()), svg.size(), &drawn, "scale", 6.0, nullptr) != 0) {
      ADD_FAILURE() << "libvips could not draw the SVG: " << vips_error_buffer();
      vips_error_clear();
      return {};
    }
    VipsImage* opaque = nullptr;
    const int failed = vips_flatten(drawn, &opaque, nullptr);
    g_object_unref(drawn);
    if (failed != 0) {
      ADD_FAILURE() << vips_error_buffer();
      vips_error_clear();
      return {};
    }
    const fs::path file = folder_ / (name + ".png");
    const int write_failed = vips_pngsave(opaque, file.c_str(), nullptr);
    g_object_unref(opaque);
    if (write_failed != 0) ADD_FAILURE() << vips_error_buffer();
    return file;
  }

  // What zbarimg reads from the picture, without its final newline.
  static std::string Decode(const fs::path& file) {
    // Only QR symbols are looked for; zbarimg's own chatter on stderr is not the decoded text.
    const std::string command = "zbarimg --raw -q -Sdisable -Sqrcode.enable '" + file.string() + "' 2>/dev/null";
    std::unique_ptr<FILE, int (*)(FILE*)> pipe(::popen(command.c_str(), "r"), ::pclose);
    std::string output;
    std::array<char, 4096> buffer{};
    for (std::size_t read; (read = std::fread(buffer.data(), 1, buffer.size(), pipe.get())) > 0;) {
      output.append(buffer.data(), read);
    }
    if (output.ends_with('\n')) output.pop_back();
    return output;
  }

  void ExpectRoundTrip(const std::string& text, int minimum_version = 1) {
    for (const ErrorCorrection level : kLevels) {
      const auto code = QrCode::EncodeBytes(text, level);
      ASSERT_TRUE(code) << text;
      EXPECT_GE(code->version(), minimum_version);
      const std::string name = "v" + std::to_string(code->version()) + "-" + std::to_string(static_cast<int>(level)) +
                               "-m" + std::to_string(code->mask());
      const fs::path png = DrawPng(QrSvg(*code, "QR"), name);
      ASSERT_FALSE(png.empty());
      EXPECT_EQ(Decode(png), text) << "version " << code->version() << " level " << static_cast<int>(level) << " mask "
                                   << code->mask();
    }
  }

  fs::path folder_;
};

TEST_F(QrDecodingTest, ShortAscii) { ExpectRoundTrip("http://m.local/p/1"); }

TEST_F(QrDecodingTest, LongAddressNeedsVersionFiveOrMore) {
  std::string address = "https://manmulsang.market.intranet.example:8443/p/1234567890?";
  while (address.size() < 130) address += "from=flyer&";
  ExpectRoundTrip(address, 5);
}

TEST_F(QrDecodingTest, HangulUtf8) { ExpectRoundTrip("https://만물상.시장/s/42 평양 전자상점 — 컴퓨터를 팝니다"); }

TEST_F(QrDecodingTest, VersionsPastTenWithVersionInformation) {
  std::string text;
  for (int index = 0; text.size() < 400; ++index) text += "item-" + std::to_string(index) + ";";
  ExpectRoundTrip(text, 10);
}

}  // namespace
}  // namespace manmulsang::qr
