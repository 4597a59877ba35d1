#include "postgres/notification_listener.hpp"

#include <libpq-fe.h>
#include <poll.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <cstdint>

namespace manmulsang::db {

namespace {

// How long Listen waits for the listener to be listening before it returns anyway (the server
// is down): the callbacks are then told "" once it connects.
constexpr std::chrono::seconds kListenWait{10};

bool IssueListen(PGconn* connection, const std::string& channel) {
  char* identifier = PQescapeIdentifier(connection, channel.c_str(), channel.size());
  if (identifier == nullptr) return false;
  const std::string command = std::string("LISTEN ") + identifier;
  PQfreemem(identifier);
  PGresult* result = PQexec(connection, command.c_str());
  const bool listening = PQresultStatus(result) == PGRES_COMMAND_OK;
  PQclear(result);
  return listening;
}

}  // namespace

NotificationListener::NotificationListener(std::string url)
    : url_(std::move(url)), wake_descriptor_(eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK)) {
  thread_ = std::thread([this] { Loop(); });
}

NotificationListener::~NotificationListener() {
  stopping_ = true;
  const std::uint64_t one = 1;
  [[maybe_unused]] const auto written = write(wake_descriptor_, &one, sizeof one);
  listening_changed_.notify_all();
  thread_.join();
  close(wake_descriptor_);
}

std::uint64_t NotificationListener::Listen(const std::string& channel, Database::Listener callback) {
  std::unique_lock lock(mutex_);
  const std::uint64_t registration = ++registrations_;
  callbacks_[channel].push_back(Subscription{registration, std::move(callback)});
  pending_.push_back(channel);
  const std::uint64_t one = 1;
  [[maybe_unused]] const auto written = write(wake_descriptor_, &one, sizeof one);
  listening_changed_.wait_for(lock, kListenWait, [&] { return registrations_listened_ >= registration || stopping_; });
  return registration;
}

void NotificationListener::Unlisten(std::uint64_t subscription) {
  std::lock_guard dispatching(dispatch_mutex_);
  std::lock_guard lock(mutex_);
  for (auto& [channel, subscriptions] : callbacks_) {
    std::erase_if(subscriptions, [&](const Subscription& each) { return each.number == subscription; });
  }
}

void NotificationListener::Dispatch(const std::string& channel, std::string_view payload) {
  std::lock_guard dispatching(dispatch_mutex_);
  std::vector<Database::Listener> callbacks;
  {
    std::lock_guard lock(mutex_);
    auto found = callbacks_.find(channel);
    if (found == callbacks_.end()) return;
    for (const Subscription& subscription : found->second) callbacks.push_back(subscription.callback);
  }
  for (const auto& callback : callbacks) callback(payload);
}

void NotificationListener::DispatchToAll(std::string_view payload) {
  std::lock_guard dispatching(dispatch_mutex_);
  std::vector<Database::Listener> callbacks;
  {
    std::lock_guard lock(mutex_);
    for (const auto& [channel, subscriptions] : callbacks_) {
      for (const Subscription& subscription : subscriptions) callbacks.push_back(subscription.callback);
    }
  }
  for (const auto& callback : callbacks) callback(payload);
}

void NotificationListener::Loop() {
  PGconn* connection = nullptr;
  bool connected_before = false;
  while (!stopping_) {
    if (connection == nullptr || PQstatus(connection) != CONNECTION_OK) {
      PQfinish(connection);
      connection = PQconnectdb(url_.c_str());
      std::vector<std::string> channels;
      std::uint64_t registrations = 0;
      {
        std::lock_guard lock(mutex_);
        for (const auto& [channel, callbacks] : callbacks_) channels.push_back(channel);
        registrations = registrations_;
        pending_.clear();
      }
      bool listening = PQstatus(connection) == CONNECTION_OK;
      for (const std::string& channel : channels) listening = listening && IssueListen(connection, channel);
      if (!listening) {
        PQfinish(connection);
        connection = nullptr;
        std::unique_lock lock(mutex_);
        listening_changed_.wait_for(lock, kRetryDelay, [&] { return stopping_.load(); });
        continue;
      }
      PQsetNoticeProcessor(
          connection, [](void*, const char*) {}, nullptr);
      {
        std::lock_guard lock(mutex_);
        registrations_listened_ = registrations;
      }
      listening_changed_.notify_all();
      // Whatever was sent while nobody listened is lost: every cache starts over.
      if (connected_before) DispatchToAll("");
      connected_before = true;
    }

    std::vector<std::string> pending;
    std::uint64_t registrations = 0;
    {
      std::lock_guard lock(mutex_);
      pending.swap(pending_);
      registrations = registrations_;
    }
    bool listening = true;
    for (const std::string& channel : pending) listening = listening && IssueListen(connection, channel);
    if (!listening) continue;  // the connection broke: reconnect, which listens on them all
    if (!pending.empty()) {
      {
        std::lock_guard lock(mutex_);
        registrations_listened_ = registrations;
      }
      listening_changed_.notify_all();
    }

    pollfd descriptors[2] = {{PQsocket(connection), POLLIN, 0}, {wake_descriptor_, POLLIN, 0}};
    if (poll(descriptors, 2, 1000) < 0) continue;
    if (descriptors[1].revents & POLLIN) {
      std::uint64_t count = 0;
      [[maybe_unused]] const auto read_bytes = read(wake_descriptor_, &count, sizeof count);
    }
    if (descriptors[0].revents & (POLLIN | POLLERR | POLLHUP)) {
      if (PQconsumeInput(connection) == 0) {
        PQfinish(connection);
        connection = nullptr;
        continue;
      }
      while (PGnotify* notification = PQnotifies(connection)) {
        const std::string channel = notification->relname;
        const std::string payload = notification->extra ? notification->extra : "";
        PQfreemem(notification);
        Dispatch(channel, payload);
      }
    }
  }
  PQfinish(connection);
}

}  // namespace manmulsang::db
