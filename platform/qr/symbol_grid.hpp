#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "manmulsang/qr/qr_code.hpp"

namespace manmulsang::qr {

// The square of modules of one symbol while it is being built: the function patterns (finders,
// separators, timing, alignment, format and version areas) are drawn at construction and marked
// so that codewords and masks pass over them. Private to platform/qr.
// The standard's penalty score of a square of modules (1 dark, 0 light), row by row: rules 1–4,
// runs of five or more, 2×2 blocks of one colour, finder-like 1:1:3:1:1 patterns beside four
// light modules, and the distance of the dark share from half.
int MaskPenalty(const std::vector<std::uint8_t>& modules, int size);

class SymbolGrid {
 public:
  explicit SymbolGrid(int version);

  int size() const { return size_; }
  bool Dark(int x, int y) const { return modules_[Index(x, y)] != 0; }
  bool IsFunction(int x, int y) const { return function_[Index(x, y)] != 0; }

  // Lays the codewords' bits, most significant first, in the standard's two-column zigzag from
  // the bottom right corner; modules left over (remainder bits) stay light.
  void PlaceCodewords(std::span<const std::uint8_t> codewords);
  // Flips the data modules the mask pattern (0–7) selects; applying a mask twice undoes it.
  void ApplyMask(int mask);
  // Writes the format information (both copies) for the level and mask.
  void DrawFormatBits(ErrorCorrection level, int mask);
  int Penalty() const { return MaskPenalty(modules_, size_); }

  std::vector<std::uint8_t> TakeModules() && { return std::move(modules_); }

 private:
  std::size_t Index(int x, int y) const { return static_cast<std::size_t>(y) * static_cast<std::size_t>(size_) + x; }
  void SetFunction(int x, int y, bool dark);
  void DrawFinder(int centre_x, int centre_y);
  void DrawAlignment(int centre_x, int centre_y);
  void DrawVersionBits();

  int version_;
  int size_;
  std::vector<std::uint8_t> modules_;
  std::vector<std::uint8_t> function_;
};

}  // namespace manmulsang::qr
