#include "bounded_worker_pool.hpp"

#include <stdexcept>

namespace manmulsang::http {

BoundedWorkerPool::BoundedWorkerPool(unsigned threads, std::size_t queue)
    : capacity_(static_cast<std::size_t>(threads) + queue), pool_(threads) {
  if (threads == 0) throw std::logic_error("a bounded worker pool needs at least one thread");
}

BoundedWorkerPool::~BoundedWorkerPool() { pool_.join(); }

BoundedWorkerPool::Place& BoundedWorkerPool::Place::operator=(Place&& other) noexcept {
  if (this != &other) {
    if (pool_ != nullptr) pool_->Leave();
    pool_ = other.pool_;
    other.pool_ = nullptr;
  }
  return *this;
}

BoundedWorkerPool::Place::~Place() {
  if (pool_ != nullptr) pool_->Leave();
}

BoundedWorkerPool::Place BoundedWorkerPool::TryEnter() noexcept {
  // A compare-and-swap loop rather than add-then-undo: a request refused for a moment must never
  // make another one that would fit see the pool as full.
  std::size_t held = held_.load(std::memory_order_relaxed);
  while (held < capacity_) {
    if (held_.compare_exchange_weak(held, held + 1, std::memory_order_acq_rel, std::memory_order_relaxed)) {
      return Place(this);
    }
  }
  return Place();
}

void BoundedWorkerPool::Leave() noexcept { held_.fetch_sub(1, std::memory_order_acq_rel); }

}  // namespace manmulsang::http
