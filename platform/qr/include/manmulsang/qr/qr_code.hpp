#pragma once

#include <cstdint>
#include <expected>
#include <string_view>
#include <vector>

namespace manmulsang::qr {

// How much of the symbol may be lost and still read: about 7, 15, 25 and 30 % of the codewords.
enum class ErrorCorrection { low, medium, quartile, high };

enum class QrError {
  too_long,  // more bytes than version 40 holds at the chosen level
};

constexpr int kMinVersion = 1;
constexpr int kMaxVersion = 40;

// A QR Code Model 2 symbol (ISO/IEC 18004) holding bytes in byte mode: the smallest version that
// fits, the chosen error correction level, and the mask with the lowest penalty. Immutable.
class QrCode {
 public:
  // Encodes text's bytes as they are (UTF-8 for addresses with Hangul), without an ECI header:
  // phone readers take byte-mode UTF-8 as it is.
  static std::expected<QrCode, QrError> EncodeBytes(std::string_view bytes,
                                                    ErrorCorrection level = ErrorCorrection::medium);

  int version() const { return version_; }
  // Modules per side: 17 + 4 × version.
  int size() const { return size_; }
  ErrorCorrection error_correction() const { return level_; }
  int mask() const { return mask_; }
  // True when the module at column x, row y is dark; (0, 0) is the top left corner.
  bool Dark(int x, int y) const { return modules_[static_cast<std::size_t>(y) * size_ + x] != 0; }

 private:
  QrCode(int version, ErrorCorrection level, int mask, std::vector<std::uint8_t> modules);

  int version_;
  int size_;
  ErrorCorrection level_;
  int mask_;
  std::vector<std::uint8_t> modules_;
};

}  // namespace manmulsang::qr
