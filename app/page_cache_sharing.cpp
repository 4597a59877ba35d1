#include "page_cache_sharing.hpp"

#include <spdlog/spdlog.h>

#include <vector>

namespace manmulsang::app {

PageCacheSharing::PageCacheSharing(db::Database& database, http::PageCache& page_cache,
                                   catalog::CatalogService& catalog)
    : database_(database), page_cache_(page_cache) {
  subscription_ = database_.Listen(std::string(kChannel), [&page_cache, &catalog](std::string_view prefix) {
    page_cache.Forget(prefix);
    // The counts change with the listings, whose writes invalidate the category pages.
    if (prefix.empty() || prefix.starts_with("/c/")) catalog.ForgetListingCounts();
  });
  sender_ = std::jthread([this](std::stop_token stop) { Send(stop); });
  page_cache_.SetBroadcast([this](std::string_view prefix) { Queue(prefix); });
}

PageCacheSharing::~PageCacheSharing() {
  page_cache_.SetBroadcast(nullptr);
  sender_.request_stop();
  wake_.notify_all();
  sender_.join();
}

void PageCacheSharing::Queue(std::string_view prefix) {
  {
    std::lock_guard lock(mutex_);
    if (pending_.contains("")) return;  // everything goes already
    if (prefix.empty()) pending_.clear();
    pending_.emplace(prefix);
  }
  wake_.notify_one();
}

void PageCacheSharing::Send(std::stop_token stop) {
  while (true) {
    std::set<std::string> batch;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, stop, [&] { return !pending_.empty(); });
      if (pending_.empty()) return;  // stopped with nothing left to send
      batch.swap(pending_);
    }
    try {
      database_.Write([&](db::Connection& connection) {
        for (const std::string& prefix : batch) connection.Notify(kChannel, prefix);
      });
    } catch (const std::exception& error) {
      // The writes themselves have committed; the other nodes' copies expire with their lifetime.
      spdlog::error("page cache: could not tell the other nodes to drop {} pages: {}", batch.size(), error.what());
    }
  }
}

}  // namespace manmulsang::app
