#pragma once

#include <cstdint>
#include <random>
#include <span>

namespace manmulsang::demo {

// The standard distributions are implementation-defined; these few draws are written out so that
// one seed means one marketplace on every standard library.
class Random {
 public:
  explicit Random(std::uint64_t seed) : engine_(seed) {}

  std::uint64_t Below(std::uint64_t bound) {  // [0, bound)
    return static_cast<std::uint64_t>((static_cast<unsigned __int128>(engine_()) * bound) >> 64);
  }
  std::int64_t Between(std::int64_t low, std::int64_t high) {  // [low, high]
    return low + static_cast<std::int64_t>(Below(static_cast<std::uint64_t>(high - low + 1)));
  }
  double Unit() { return static_cast<double>(engine_() >> 11) * 0x1.0p-53; }  // [0, 1)
  bool Chance(double probability) { return Unit() < probability; }
  template <typename T>
  const T& Pick(std::span<const T> values) {
    return values[Below(values.size())];
  }

 private:
  std::mt19937_64 engine_;
};

}  // namespace manmulsang::demo
