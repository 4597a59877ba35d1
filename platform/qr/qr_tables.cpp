#include "qr_tables.hpp"

#include <array>

namespace manmulsang::qr {
namespace {

// ISO/IEC 18004 table 9, by level (L, M, Q, H) and version (index 0 unused).
constexpr std::array<std::array<std::int8_t, 41>, 4> kEccCodewordsPerBlock = {{
    {-1, 7,  10, 15, 20, 26, 18, 20, 24, 30, 18, 20, 24, 26, 30, 22, 24, 28, 30, 28, 28,
     28, 28, 30, 30, 26, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30},
    {-1, 10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24, 24, 28, 28, 26, 26, 26,
     26, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28},
    {-1, 13, 22, 18, 26, 18, 24, 18, 22, 20, 24, 28, 26, 24, 20, 30, 24, 28, 28, 26, 30,
     28, 30, 30, 30, 30, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30},
    {-1, 17, 28, 22, 16, 22, 28, 26, 26, 24, 28, 24, 28, 22, 24, 24, 30, 28, 28, 26, 28,
     30, 24, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30},
}};

constexpr std::array<std::array<std::int8_t, 41>, 4> kErrorCorrectionBlocks = {{
    {-1, 1, 1, 1,  1,  1,  2,  2,  2,  2,  4,  4,  4,  4,  4,  6,  6,  6,  6,  7, 8,
     8,  9, 9, 10, 12, 12, 12, 13, 14, 15, 16, 17, 18, 19, 19, 20, 21, 22, 24, 25},
    {-1, 1,  1,  1,  2,  2,  4,  4,  4,  5,  5,  5,  8,  9,  9,  10, 10, 11, 13, 14, 16,
     17, 17, 18, 20, 21, 23, 25, 26, 28, 29, 31, 33, 35, 37, 38, 40, 43, 45, 47, 49},
    {-1, 1,  1,  2,  2,  4,  4,  6,  6,  8,  8,  8,  10, 12, 16, 12, 17, 16, 18, 21, 20,
     23, 23, 25, 27, 29, 34, 34, 35, 38, 40, 43, 45, 48, 51, 53, 56, 59, 62, 65, 68},
    {-1, 1,  1,  2,  4,  4,  4,  5,  6,  8,  8,  11, 11, 16, 16, 18, 16, 19, 21, 25, 25,
     25, 34, 30, 32, 35, 37, 40, 42, 45, 48, 51, 54, 57, 60, 63, 66, 70, 74, 77, 81},
}};

// The two bits the format information gives each level: L 01, M 00, Q 11, H 10.
constexpr std::array<std::uint32_t, 4> kFormatLevelBits = {1, 0, 3, 2};

std::size_t LevelIndex(ErrorCorrection level) { return static_cast<std::size_t>(level); }

}  // namespace

int EccCodewordsPerBlock(ErrorCorrection level, int version) {
  return kEccCodewordsPerBlock[LevelIndex(level)][static_cast<std::size_t>(version)];
}

int ErrorCorrectionBlocks(ErrorCorrection level, int version) {
  return kErrorCorrectionBlocks[LevelIndex(level)][static_cast<std::size_t>(version)];
}

int RawDataModules(int version) {
  // The whole square minus three finders with separators and format areas, the timing lines,
  // the alignment patterns (less the ones the timing lines cross) and the version areas.
  int modules = (16 * version + 128) * version + 64;
  if (version >= 2) {
    const int alignments = version / 7 + 2;
    modules -= (25 * alignments - 10) * alignments - 55;
    if (version >= 7) modules -= 36;
  }
  return modules;
}

int DataCodewords(int version, ErrorCorrection level) {
  return RawDataModules(version) / 8 - EccCodewordsPerBlock(level, version) * ErrorCorrectionBlocks(level, version);
}

int ByteCountBits(int version) { return version <= 9 ? 8 : 16; }

int ByteCapacity(int version, ErrorCorrection level) {
  const int header_bits = 4 + ByteCountBits(version);
  return (DataCodewords(version, level) * 8 - header_bits) / 8;
}

std::vector<int> AlignmentPatternPositions(int version) {
  if (version == 1) return {};
  const int count = version / 7 + 2;
  const int size = 17 + 4 * version;
  // Evenly spaced from the last one back to the second, spacing even; version 32 is the
  // standard's one exception to the rounding.
  const int step = version == 32 ? 26 : (version * 4 + count * 2 + 1) / (count * 2 - 2) * 2;
  std::vector<int> positions(static_cast<std::size_t>(count));
  positions[0] = 6;
  int position = size - 7;
  for (int index = count - 1; index >= 1; --index, position -= step)
    positions[static_cast<std::size_t>(index)] = position;
  return positions;
}

std::uint32_t FormatBits(ErrorCorrection level, int mask) {
  const std::uint32_t data = kFormatLevelBits[LevelIndex(level)] << 3 | static_cast<std::uint32_t>(mask);
  // BCH(15, 5) with generator x^10 + x^8 + x^5 + x^4 + x^2 + x + 1 (0x537).
  std::uint32_t remainder = data;
  for (int step = 0; step < 10; ++step) remainder = (remainder << 1) ^ ((remainder >> 9) * 0x537);
  return ((data << 10) | (remainder & 0x3FF)) ^ 0x5412;
}

std::uint32_t VersionBits(int version) {
  // BCH(18, 6) with generator x^12 + x^11 + x^10 + x^9 + x^8 + x^5 + x^2 + 1 (0x1F25).
  std::uint32_t remainder = static_cast<std::uint32_t>(version);
  for (int step = 0; step < 12; ++step) remainder = (remainder << 1) ^ ((remainder >> 11) * 0x1F25);
  return static_cast<std::uint32_t>(version) << 12 | (remainder & 0xFFF);
}

}  // namespace manmulsang::qr
