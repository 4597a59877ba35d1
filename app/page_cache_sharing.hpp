#pragma once

#include <condition_variable>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <string_view>
#include <thread>

#include "manmulsang/catalog/catalog.hpp"
#include "manmulsang/db/database.hpp"
#include "manmulsang/http/page_cache.hpp"

namespace manmulsang::app {

// Several nodes on one PostgreSQL store: a page one node invalidates after a write, every node
// drops, and the category counts cached beside the pages with the category pages.
//
// The invalidations go out as notifications (Database::Listen/Notify) from a thread of its
// own, so a request that invalidates does not wait for another transaction, and those made
// while one is being sent go together in the next. Each node, the sender too, forgets what it
// is told; a node whose listener was lost forgets everything when it listens again. Other
// nodes drop a page a few milliseconds after the write that changed it has answered.
class PageCacheSharing {
 public:
  PageCacheSharing(db::Database& database, http::PageCache& page_cache, catalog::CatalogService& catalog);
  // Sends what is pending, then stops sending and listening. Goes before page_cache.
  ~PageCacheSharing();
  PageCacheSharing(const PageCacheSharing&) = delete;
  PageCacheSharing& operator=(const PageCacheSharing&) = delete;

  static constexpr std::string_view kChannel = "manmulsang_pages";

 private:
  void Queue(std::string_view prefix);
  void Send(std::stop_token stop);

  db::Database& database_;
  http::PageCache& page_cache_;
  std::mutex mutex_;
  std::condition_variable_any wake_;
  std::set<std::string> pending_;  // "" alone: everything
  std::shared_ptr<void> subscription_;
  std::jthread sender_;
};

}  // namespace manmulsang::app
