#pragma once

#include <cstdint>
#include <vector>

#include "manmulsang/qr/qr_code.hpp"

// The numbers of ISO/IEC 18004 that size a symbol, private to platform/qr (and its tests).
namespace manmulsang::qr {

// Error correction codewords in each block, and the number of blocks, for a level and version.
int EccCodewordsPerBlock(ErrorCorrection level, int version);
int ErrorCorrectionBlocks(ErrorCorrection level, int version);
// Modules left for codewords once the function patterns and format/version areas are drawn.
int RawDataModules(int version);
// Codewords that carry data (and padding) at this version and level.
int DataCodewords(int version, ErrorCorrection level);
// Bits of the character count in byte mode: 8 up to version 9, 16 from version 10.
int ByteCountBits(int version);
// The most bytes byte mode holds at this version and level.
int ByteCapacity(int version, ErrorCorrection level);
// Centres of the alignment patterns along each axis (empty for version 1).
std::vector<int> AlignmentPatternPositions(int version);
// The 15 format bits (level and mask with their BCH code, XORed with 101010000010010).
std::uint32_t FormatBits(ErrorCorrection level, int mask);
// The 18 version bits (version 7 and up): 6 bits of version and 12 of BCH code.
std::uint32_t VersionBits(int version);

}  // namespace manmulsang::qr
