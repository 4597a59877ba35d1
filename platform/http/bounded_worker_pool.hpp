#pragma once

// A worker pool that holds at most a fixed number of jobs, running and waiting together, and
// refuses more at once. Private to platform/http: the server runs password work on one
// (RouteOptions::password_work).

#include <atomic>
#include <boost/asio/thread_pool.hpp>
#include <cstddef>

namespace manmulsang::http {

class BoundedWorkerPool {
 public:
  // threads must be at least 1; queue may be 0 (only as many jobs as threads).
  BoundedWorkerPool(unsigned threads, std::size_t queue);
  // Waits for the jobs already posted to finish.
  ~BoundedWorkerPool();
  BoundedWorkerPool(const BoundedWorkerPool&) = delete;
  BoundedWorkerPool& operator=(const BoundedWorkerPool&) = delete;

  // A place in the pool, held while a job waits and runs, given back when it goes. Empty (false)
  // when the pool was full: the caller answers at once instead of posting the job.
  class Place {
   public:
    Place() = default;
    explicit Place(BoundedWorkerPool* pool) : pool_(pool) {}
    Place(Place&& other) noexcept : pool_(other.pool_) { other.pool_ = nullptr; }
    Place& operator=(Place&& other) noexcept;
    Place(const Place&) = delete;
    Place& operator=(const Place&) = delete;
    ~Place();
    explicit operator bool() const { return pool_ != nullptr; }

   private:
    BoundedWorkerPool* pool_ = nullptr;
  };

  // Takes a place when fewer than threads + queue are held; never blocks.
  Place TryEnter() noexcept;
  boost::asio::thread_pool::executor_type executor() { return pool_.get_executor(); }
  std::size_t capacity() const { return capacity_; }
  // Places held now (jobs waiting or running).
  std::size_t held() const { return held_.load(std::memory_order_relaxed); }

 private:
  void Leave() noexcept;

  const std::size_t capacity_;
  std::atomic<std::size_t> held_{0};
  boost::asio::thread_pool pool_;
};

}  // namespace manmulsang::http
