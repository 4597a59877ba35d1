#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "manmulsang/db/database.hpp"

namespace manmulsang::db {

// One connection per node that LISTENs on the channels the node's caches care about and hands
// each NOTIFY to their callbacks, on its own thread. PostgreSQL delivers a notification only
// when the transaction that sent it commits, to every listening session, the sender's too.
// When the connection breaks it reconnects (every kRetryDelay) and, once listening again,
// calls every callback with an empty payload: what was sent in between is lost, so caches must
// be dropped.
class NotificationListener {
 public:
  static constexpr std::chrono::milliseconds kRetryDelay{500};

  explicit NotificationListener(std::string url);
  ~NotificationListener();
  NotificationListener(const NotificationListener&) = delete;
  NotificationListener& operator=(const NotificationListener&) = delete;

  // Registers callback; LISTEN is issued on the listener's connection before it returns, so a
  // notification committed after Listen returns reaches it. Returns the subscription's number.
  std::uint64_t Listen(const std::string& channel, Database::Listener callback);
  // Removes the subscription, after a call to it in progress has returned.
  void Unlisten(std::uint64_t subscription);

 private:
  void Loop();
  // True when connected and listening on every registered channel.
  bool Connect();
  void Dispatch(const std::string& channel, std::string_view payload);
  void DispatchToAll(std::string_view payload);

  std::string url_;
  std::atomic<bool> stopping_{false};

  std::mutex mutex_;
  std::condition_variable listening_changed_;
  struct Subscription {
    std::uint64_t number = 0;
    Database::Listener callback;
  };
  std::map<std::string, std::vector<Subscription>> callbacks_;
  // Held while callbacks run, so that Unlisten returns only once its callback cannot run.
  std::mutex dispatch_mutex_;
  // Channels registered since the connection last issued its LISTENs.
  std::vector<std::string> pending_;
  std::uint64_t registrations_ = 0;
  std::uint64_t registrations_listened_ = 0;

  int wake_descriptor_ = -1;  // an eventfd that interrupts the wait for notifications
  std::thread thread_;
};

}  // namespace manmulsang::db
