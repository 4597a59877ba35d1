#include "symbol_grid.hpp"

#include <algorithm>
#include <array>
#include <cstdlib>

#include "qr_tables.hpp"

namespace manmulsang::qr {
namespace {

bool MaskSelects(int mask, int x, int y) {
  switch (mask) {
    case 0:
      return (x + y) % 2 == 0;
    case 1:
      return y % 2 == 0;
    case 2:
      return x % 3 == 0;
    case 3:
      return (x + y) % 3 == 0;
    case 4:
      return (x / 3 + y / 2) % 2 == 0;
    case 5:
      return x * y % 2 + x * y % 3 == 0;
    case 6:
      return (x * y % 2 + x * y % 3) % 2 == 0;
    default:
      return ((x + y) % 2 + x * y % 3) % 2 == 0;
  }
}

constexpr int kRunPenalty = 3;       // N1, plus one per module beyond five
constexpr int kBlockPenalty = 3;     // N2, per 2×2 block of one colour
constexpr int kFinderPenalty = 40;   // N3, per 1:1:3:1:1 pattern beside four light modules
constexpr int kBalancePenalty = 10;  // N4, per 5 % away from half dark

// Rules 1 and 3 along one line (a row or a column) given as a function of the position.
template <typename ModuleAt>
int LinePenalty(int size, ModuleAt dark) {
  int penalty = 0;
  int run = 1;
  for (int position = 1; position <= size; ++position) {
    if (position < size && dark(position) == dark(position - 1)) {
      ++run;
      continue;
    }
    if (run >= 5) penalty += kRunPenalty + (run - 5);
    run = 1;
  }
  // dark light dark dark dark light dark, with four light modules before or after it; outside
  // the symbol is the light quiet zone.
  constexpr std::array<bool, 7> kFinder = {true, false, true, true, true, false, true};
  auto light_or_outside = [&](int position) { return position < 0 || position >= size || !dark(position); };
  for (int start = 0; start + 7 <= size; ++start) {
    bool matches = true;
    for (int offset = 0; offset < 7 && matches; ++offset) matches = dark(start + offset) == kFinder[offset];
    if (!matches) continue;
    bool light_before = true;
    bool light_after = true;
    for (int offset = 1; offset <= 4; ++offset) {
      light_before = light_before && light_or_outside(start - offset);
      light_after = light_after && light_or_outside(start + 6 + offset);
    }
    if (light_before) penalty += kFinderPenalty;
    if (light_after) penalty += kFinderPenalty;
  }
  return penalty;
}

}  // namespace

int MaskPenalty(const std::vector<std::uint8_t>& modules, int size) {
  auto dark_at = [&](int x, int y) {
    return modules[static_cast<std::size_t>(y) * static_cast<std::size_t>(size) + x] != 0;
  };
  int penalty = 0;
  for (int line = 0; line < size; ++line) {
    penalty += LinePenalty(size, [&](int position) { return dark_at(position, line); });
    penalty += LinePenalty(size, [&](int position) { return dark_at(line, position); });
  }
  for (int y = 0; y + 1 < size; ++y) {
    for (int x = 0; x + 1 < size; ++x) {
      const bool colour = dark_at(x, y);
      if (colour == dark_at(x + 1, y) && colour == dark_at(x, y + 1) && colour == dark_at(x + 1, y + 1)) {
        penalty += kBlockPenalty;
      }
    }
  }
  long dark = 0;
  for (const std::uint8_t module : modules) dark += module;
  const long total = static_cast<long>(modules.size());
  // Whole steps of 5 % away from half: |100·dark/total − 50| / 5 = |20·dark − 10·total| / total.
  penalty += static_cast<int>(std::labs(20 * dark - 10 * total) / total) * kBalancePenalty;
  return penalty;
}

SymbolGrid::SymbolGrid(int version)
    : version_(version),
      size_(17 + 4 * version),
      modules_(static_cast<std::size_t>(size_ * size_), 0),
      function_(static_cast<std::size_t>(size_ * size_), 0) {
  for (int position = 0; position < size_; ++position) {
    SetFunction(6, position, position % 2 == 0);
    SetFunction(position, 6, position % 2 == 0);
  }
  DrawFinder(3, 3);
  DrawFinder(size_ - 4, 3);
  DrawFinder(3, size_ - 4);
  const std::vector<int> centres = AlignmentPatternPositions(version_);
  const std::size_t last = centres.size() - 1;
  for (std::size_t row = 0; row < centres.size(); ++row) {
    for (std::size_t column = 0; column < centres.size(); ++column) {
      // The three corners with finders have no alignment pattern.
      const bool beside_finder =
          (row == 0 && column == 0) || (row == 0 && column == last) || (row == last && column == 0);
      if (!beside_finder) DrawAlignment(centres[column], centres[row]);
    }
  }
  // Reserve the format areas now (real bits once the mask is chosen) and the fixed dark module.
  DrawFormatBits(ErrorCorrection::medium, 0);
  DrawVersionBits();
}

void SymbolGrid::SetFunction(int x, int y, bool dark) {
  modules_[Index(x, y)] = dark ? 1 : 0;
  function_[Index(x, y)] = 1;
}

void SymbolGrid::DrawFinder(int centre_x, int centre_y) {
  // 7×7 rings (dark, light, dark 3×3 core) inside a one-module light separator.
  for (int dy = -4; dy <= 4; ++dy) {
    for (int dx = -4; dx <= 4; ++dx) {
      const int x = centre_x + dx;
      const int y = centre_y + dy;
      if (x < 0 || x >= size_ || y < 0 || y >= size_) continue;
      const int ring = std::max(std::abs(dx), std::abs(dy));
      SetFunction(x, y, ring != 2 && ring != 4);
    }
  }
}

void SymbolGrid::DrawAlignment(int centre_x, int centre_y) {
  for (int dy = -2; dy <= 2; ++dy) {
    for (int dx = -2; dx <= 2; ++dx)
      SetFunction(centre_x + dx, centre_y + dy, std::max(std::abs(dx), std::abs(dy)) != 1);
  }
}

void SymbolGrid::DrawFormatBits(ErrorCorrection level, int mask) {
  const std::uint32_t bits = FormatBits(level, mask);
  auto bit = [bits](int index) { return ((bits >> index) & 1u) != 0; };
  // Beside the top left finder: down column 8, skipping the timing row, then left along row 8.
  for (int index = 0; index <= 5; ++index) SetFunction(8, index, bit(index));
  SetFunction(8, 7, bit(6));
  SetFunction(8, 8, bit(7));
  SetFunction(7, 8, bit(8));
  for (int index = 9; index < 15; ++index) SetFunction(14 - index, 8, bit(index));
  // The second copy, split between the top right and bottom left finders.
  for (int index = 0; index < 8; ++index) SetFunction(size_ - 1 - index, 8, bit(index));
  for (int index = 8; index < 15; ++index) SetFunction(8, size_ - 15 + index, bit(index));
  SetFunction(8, size_ - 8, true);  // always dark
}

void SymbolGrid::DrawVersionBits() {
  if (version_ < 7) return;
  const std::uint32_t bits = VersionBits(version_);
  for (int index = 0; index < 18; ++index) {
    const bool dark = ((bits >> index) & 1u) != 0;
    const int across = size_ - 11 + index % 3;
    const int along = index / 3;
    SetFunction(across, along, dark);  // left of the top right finder
    SetFunction(along, across, dark);  // above the bottom left finder
  }
}

void SymbolGrid::PlaceCodewords(std::span<const std::uint8_t> codewords) {
  const std::size_t total_bits = codewords.size() * 8;
  std::size_t bit_index = 0;
  for (int right = size_ - 1; right >= 1; right -= 2) {
    if (right == 6) right = 5;  // the vertical timing line takes a column of its own
    const bool upward = ((right + 1) & 2) == 0;
    for (int step = 0; step < size_; ++step) {
      const int y = upward ? size_ - 1 - step : step;
      for (int column = 0; column < 2; ++column) {
        const int x = right - column;
        if (IsFunction(x, y) || bit_index >= total_bits) continue;
        modules_[Index(x, y)] = (codewords[bit_index / 8] >> (7 - bit_index % 8)) & 1u;
        ++bit_index;
      }
    }
  }
}

void SymbolGrid::ApplyMask(int mask) {
  for (int y = 0; y < size_; ++y) {
    for (int x = 0; x < size_; ++x) {
      if (!IsFunction(x, y) && MaskSelects(mask, x, y)) modules_[Index(x, y)] ^= 1u;
    }
  }
}

}  // namespace manmulsang::qr
