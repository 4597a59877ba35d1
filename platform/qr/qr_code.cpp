#include "manmulsang/qr/qr_code.hpp"

#include <limits>

#include "codewords.hpp"
#include "qr_tables.hpp"
#include "symbol_grid.hpp"

namespace manmulsang::qr {

QrCode::QrCode(int version, ErrorCorrection level, int mask, std::vector<std::uint8_t> modules)
    : version_(version), size_(17 + 4 * version), level_(level), mask_(mask), modules_(std::move(modules)) {}

std::expected<QrCode, QrError> QrCode::EncodeBytes(std::string_view bytes, ErrorCorrection level) {
  int version = kMinVersion;
  while (version <= kMaxVersion && static_cast<std::size_t>(ByteCapacity(version, level)) < bytes.size()) ++version;
  if (version > kMaxVersion) return std::unexpected(QrError::too_long);

  const std::vector<std::uint8_t> codewords =
      AddErrorCorrection(EncodeDataCodewords(bytes, version, level), version, level);
  SymbolGrid grid(version);
  grid.PlaceCodewords(codewords);

  // Every mask is tried with its own format bits (they count in the penalty); the lowest wins.
  int best_mask = 0;
  int best_penalty = std::numeric_limits<int>::max();
  for (int mask = 0; mask < 8; ++mask) {
    grid.ApplyMask(mask);
    grid.DrawFormatBits(level, mask);
    const int penalty = grid.Penalty();
    if (penalty < best_penalty) {
      best_penalty = penalty;
      best_mask = mask;
    }
    grid.ApplyMask(mask);
  }
  grid.ApplyMask(best_mask);
  grid.DrawFormatBits(level, best_mask);
  return QrCode(version, level, best_mask, std::move(grid).TakeModules());
}

}  // namespace manmulsang::qr
