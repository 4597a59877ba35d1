#include <gtest/gtest.h>
#include <sodium.h>

#include <thread>
#include <vector>

#include "manmulsang/core/sodium.hpp"

namespace manmulsang::core {
namespace {

TEST(EnsureSodium, StartsLibsodiumOnceFromManyThreads) {
  std::vector<std::jthread> threads;
  for (int index = 0; index < 8; ++index) threads.emplace_back([] { EnsureSodium(); });
  threads.clear();
  // sodium_init answers 1 when the library is already running.
  EXPECT_EQ(sodium_init(), 1);
  EXPECT_NO_THROW(EnsureSodium());
}

}  // namespace
}  // namespace manmulsang::core
