#include "manmulsang/core/sodium.hpp"

#include <sodium.h>

#include <stdexcept>

namespace manmulsang::core {

void EnsureSodium() {
  // A function-local static runs its initialiser exactly once, even with threads racing here.
  static const int result = sodium_init();
  if (result < 0) throw std::runtime_error("libsodium could not be initialised");
}

}  // namespace manmulsang::core
