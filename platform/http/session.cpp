#include "session.hpp"

#include <spdlog/spdlog.h>

#include <array>
#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <chrono>

#include "header_values.hpp"
#include "manmulsang/http/metrics.hpp"
#include "wire_response.hpp"

namespace manmulsang::http {
namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
using tcp = asio::ip::tcp;
using Clock = std::chrono::steady_clock;

namespace {

std::string_view RejectionCode(Status status) {
  switch (status) {
    case Status::payload_too_large:
      return "payload_too_large";
    case Status::request_header_fields_too_large:
      return "header_too_large";
    case Status::uri_too_long:
      return "uri_too_long";
    default:
      return "bad_request";
  }
}

constexpr auto kTuple = asio::as_tuple(asio::use_awaitable);

// The bytes of a request line still in the buffer (all of them when no line end has arrived).
std::string_view RequestLine(const beast::flat_buffer& buffer) {
  const auto data = buffer.data();
  const std::string_view bytes(static_cast<const char*>(data.data()), data.size());
  return bytes.substr(0, bytes.find("\r\n"));
}

// The target in a request line still in the buffer ("GET /api/... HTTP/1.1"), so a refusal of
// one too long to parse can still answer an API client in JSON.
std::string_view BufferedTarget(const beast::flat_buffer& buffer) {
  std::string_view line = RequestLine(buffer);
  const std::size_t space = line.find(' ');
  if (space == std::string_view::npos) return {};
  line.remove_prefix(space + 1);
  return line.substr(0, line.find(' '));
}

// Errors that only mean the peer went away or was timed out: close without an answer.
bool IsDisconnect(const boost::system::error_code& error) {
  return error == beast::error::timeout || error == asio::error::operation_aborted ||
         error == bhttp::error::end_of_stream || error == asio::error::eof || error == asio::error::connection_reset ||
         error == asio::error::broken_pipe || error == bhttp::error::partial_message;
}

// The client's address as the proxy reports it; empty when it reports none that parses.
std::string ProxiedAddress(const BeastRequest& message) {
  std::string_view candidate = Trim(message["X-Real-IP"]);
  if (candidate.empty()) {
    const std::string_view forwarded = message["X-Forwarded-For"];
    const std::size_t comma = forwarded.rfind(',');
    candidate = Trim(comma == std::string_view::npos ? forwarded : forwarded.substr(comma + 1));
  }
  if (candidate.empty()) return {};
  boost::system::error_code error;
  const auto address = asio::ip::make_address(candidate, error);
  return error ? std::string() : address.to_string();
}

// Removes the connection from the registry however the coroutine ends (even when the
// io_context is destroyed with the coroutine suspended).
class Registration {
 public:
  Registration(std::shared_ptr<SessionShared> shared, std::shared_ptr<Connection> connection)
      : shared_(std::move(shared)), connection_(std::move(connection)) {
    std::lock_guard lock(shared_->mutex);
    shared_->connections.insert(connection_);
  }
  ~Registration() {
    connection_->stream = nullptr;
    bool drained = false;
    {
      std::lock_guard lock(shared_->mutex);
      shared_->connections.erase(connection_);
      drained = shared_->stopping.load() && shared_->connections.empty();
    }
    if (drained && shared_->on_drained) shared_->on_drained();
  }
  Registration(const Registration&) = delete;
  Registration& operator=(const Registration&) = delete;

 private:
  std::shared_ptr<SessionShared> shared_;
  std::shared_ptr<Connection> connection_;
};

class Session {
 public:
  Session(SessionShared& shared, beast::tcp_stream& stream, std::string remote)
      : shared_(shared), options_(shared.options), stream_(stream), remote_(std::move(remote)) {}

  // Reads, answers and writes one request; false when the connection must close.
  asio::awaitable<bool> HandleOne(beast::flat_buffer& buffer) {
    stream_.expires_after(options_.request_timeout);
    bhttp::request_parser<bhttp::string_body> parser;
    parser.header_limit(static_cast<std::uint32_t>(options_.header_limit));
    // The route's limit is applied once the header says which route this is.
    parser.body_limit(boost::none);
    auto [header_error, header_bytes] = co_await bhttp::async_read_header(stream_, buffer, parser, kTuple);
    const Clock::time_point start = Clock::now();
    if (header_error == bhttp::error::header_limit) {
      // Too long a request line is a too-long URI, not big headers. The parser has taken the
      // request line off the buffer once it was whole; until then the buffer is that line.
      const std::string_view parsed_target = parser.get().target();
      const std::string_view target = parsed_target.empty() ? BufferedTarget(buffer) : parsed_target;
      if (parsed_target.empty() ? RequestLine(buffer).size() > options_.target_limit
                                : parsed_target.size() > options_.target_limit) {
        co_await Reject(Status::uri_too_long, "Request target too long.\n", start, target);
      } else {
        co_await Reject(Status::request_header_fields_too_large, "Request header too large.\n", start);
      }
      co_return false;
    }
    if (header_error) {
      spdlog::debug("request header refused: {}", header_error.message());
      if (!IsDisconnect(header_error)) co_await Reject(Status::bad_request, "Malformed request.\n", start);
      co_return false;
    }

    const auto& header = parser.get();
    const std::string_view target = header.target();
    if (target.size() > options_.target_limit) {
      co_await Reject(Status::uri_too_long, "Request target too long.\n", start, target);
      co_return false;
    }
    const RouteOptions route_options = shared_.router.Options(header.method(), target.substr(0, target.find('?')));
    const std::size_t body_limit = route_options.body_limit;
    if (parser.content_length() && *parser.content_length() > body_limit) {
      co_await Reject(Status::payload_too_large, "Request body too large.\n", start, target);
      co_return false;
    }
    parser.body_limit(body_limit);
    if (!parser.is_done()) {
      if (EqualsIgnoringCase(Trim(header[bhttp::field::expect]), "100-continue")) {
        static constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";
        auto [error, written] = co_await asio::async_write(stream_, asio::buffer(kContinue), kTuple);
        if (error) co_return false;
      }
      // Big uploads on a slow link get time in proportion, at 64 KiB/s.
      if (parser.content_length() && *parser.content_length() > 1024 * 1024) {
        stream_.expires_after(options_.request_timeout + std::chrono::seconds(*parser.content_length() / (64 * 1024)));
      }
      auto [body_error, body_bytes] = co_await bhttp::async_read(stream_, buffer, parser, kTuple);
      if (body_error == bhttp::error::body_limit) {
        co_await Reject(Status::payload_too_large, "Request body too large.\n", start, target);
        co_return false;
      }
      if (body_error) {
        spdlog::debug("request body refused: {}", body_error.message());
        if (!IsDisconnect(body_error)) co_await Reject(Status::bad_request, "Malformed request body.\n", start);
        co_return false;
      }
    }

    BeastRequest message = parser.release();
    const std::string_view incoming_id = message["X-Request-Id"];
    std::string request_id = IsSaneRequestId(incoming_id) ? std::string(incoming_id) : NewRequestId();
    const unsigned version = message.version() == 10 ? 10 : 11;
    const bool client_keep_alive = message.keep_alive();
    std::string remote = options_.trust_proxy_headers ? ProxiedAddress(message) : std::string();
    Request request(std::move(message), remote.empty() ? remote_ : std::move(remote), std::move(request_id));

    Response response;
    if (route_options.password_work && shared_.password_pool != nullptr) {
      response = co_await AnswerPasswordWork(request);
    } else if (route_options.offload && shared_.workers != nullptr) {
      // The connection's coroutine waits without holding an I/O thread; Answer never throws.
      response = co_await asio::co_spawn(
          shared_.workers->get_executor(), [&]() -> asio::awaitable<Response> { co_return Answer(request); },
          asio::use_awaitable);
    } else {
      response = Answer(request);
    }
    const bool keep_alive = client_keep_alive && !shared_.stopping.load();
    WireRequest wire_request;
    wire_request.method = request.method();
    wire_request.version = version;
    wire_request.keep_alive = keep_alive;
    wire_request.request_id = request.request_id();
    wire_request.accept_encoding = request.Header("Accept-Encoding");
    wire_request.if_none_match = request.Header("If-None-Match");
    const bool written = co_await Write(response, wire_request, request.route(), request.target(), start);
    co_return written&& keep_alive;
  }

  // On the password pool, or at once 503 when its threads are busy and its queue is full: a
  // refused client learns it in microseconds and may come back, where one more in the queue
  // would only make every waiting login later.
  asio::awaitable<Response> AnswerPasswordWork(Request& request) {
    BoundedWorkerPool& pool = *shared_.password_pool;
    BoundedWorkerPool::Place place = pool.TryEnter();
    if (!place) {
      static CounterMetric& refused = Metrics::Counter(
          "http_password_work_refused_total", "Requests answered 503 because the password pool's queue was full.");
      refused.Increment();
      Response response = Refused(request, ApiProblem{Status::service_unavailable, "busy", ""});
      response.SetHeader("Retry-After", std::to_string(std::max<long long>(1, options_.password_retry_after.count())));
      co_return response;
    }
    static GaugeMetric& held = Metrics::Gauge("http_password_work_requests",
                                              "Requests on the password pool, running or waiting for a thread.");
    held.Add(1);
    Response response = co_await asio::co_spawn(
        pool.executor(), [&]() -> asio::awaitable<Response> { co_return Answer(request); }, asio::use_awaitable);
    held.Add(-1);
    co_return response;
  }

  // The router's words for a refusal by the server; like Answer, never throws.
  Response Refused(Request& request, const ApiProblem& problem) {
    try {
      return shared_.router.Refuse(request, problem);
    } catch (const std::exception& error) {
      return InternalError(request, error.what());
    } catch (...) {
      return InternalError(request, "unknown exception");
    }
  }

  Response Answer(Request& request) {
    if (request.malformed()) {
      return request.WantsJson() ? Response::JsonError(Status::bad_request, "bad_request", "Malformed request path.")
                                 : Response::Text("Malformed request path.\n", Status::bad_request);
    }
    GaugeMetric& in_flight = Metrics::InFlight();
    in_flight.Add(1);
    Response response;
    try {
      response = shared_.router.Dispatch(request);
    } catch (const std::exception& error) {
      response = InternalError(request, error.what());
    } catch (...) {
      response = InternalError(request, "unknown exception");
    }
    in_flight.Add(-1);
    return response;
  }

  static Response InternalError(const Request& request, std::string_view what) {
    spdlog::error("{} {} {}: handler failed: {}", request.request_id(), bhttp::to_string(request.method()),
                  request.target(), what);
    if (request.WantsJson()) {
      return Response::JsonError(Status::internal_server_error, "internal_error",
                                 "Something went wrong on our side. Please try again.");
    }
    return Response::Html(
        "<!doctype html><html lang=\"ko\"><meta charset=\"utf-8\"><title>500</title>"
        "<h1>잠시 후 다시 시도해 주세요 (500)</h1><p>요청을 처리하지 못했습니다. 요청 번호: " +
            std::string(request.request_id()) + "</p></html>",
        Status::internal_server_error);
  }

  // The client may still be sending what we refused; see RunSession's lingering close.
  bool rejected() const { return rejected_; }

 private:
  // An answer to a request that never reached the router (431, 413, 400); the connection closes.
  // API clients get the JSON error shape when the target is known to be under /api/.
  asio::awaitable<void> Reject(Status status, std::string_view message, Clock::time_point start,
                               std::string_view target = {}) {
    rejected_ = true;
    Response response = target.starts_with("/api/")
                            ? Response::JsonError(status, RejectionCode(status), message.substr(0, message.find('\n')))
                            : Response::Text(std::string(message), status);
    const std::string request_id = NewRequestId();
    WireRequest wire_request;
    wire_request.keep_alive = false;
    wire_request.request_id = request_id;
    co_await Write(response, wire_request, {}, "-", start);
  }

  asio::awaitable<bool> Write(Response& response, const WireRequest& wire_request, std::string_view route,
                              std::string_view target, Clock::time_point start) {
    const WireResponse wire = BuildWireResponse(response, wire_request);
    stream_.expires_after(options_.request_timeout);
    const std::array<asio::const_buffer, 2> buffers = {asio::buffer(wire.head), asio::buffer(wire.body)};
    auto [error, written] = co_await asio::async_write(stream_, buffers, kTuple);
    const auto elapsed = std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - start);
    Metrics::ObserveRequest(route, wire_request.method, wire.status, elapsed);
    if (options_.access_log) {
      spdlog::info("{} {} {} {} {} {} {}us", wire_request.request_id, remote_, bhttp::to_string(wire_request.method),
                   target, wire.status, wire.body.size(), elapsed.count());
    }
    co_return !error;
  }

  bool rejected_ = false;
  SessionShared& shared_;
  const ServerOptions& options_;
  beast::tcp_stream& stream_;
  std::string remote_;
};

}  // namespace

asio::awaitable<void> RunSession(std::shared_ptr<SessionShared> shared, tcp::socket socket) {
  beast::tcp_stream stream(std::move(socket));
  auto connection = std::make_shared<Connection>();
  connection->executor = stream.get_executor();
  connection->stream = &stream;
  Registration registration(shared, connection);

  boost::system::error_code error;
  stream.socket().set_option(tcp::no_delay(true), error);
  const auto endpoint = stream.socket().remote_endpoint(error);
  std::string remote = error ? std::string("-") : endpoint.address().to_string();

  bool linger = false;
  try {
    Session session(*shared, stream, std::move(remote));
    beast::flat_buffer buffer;
    bool first = true;
    while (!shared->stopping.load()) {
      connection->idle = true;
      if (buffer.size() == 0) {
        // A new connection must start its request as promptly as any request must finish;
        // a kept-alive one may sit idle longer.
        stream.expires_after(first ? shared->options.request_timeout : shared->options.keep_alive_timeout);
        auto [read_error, bytes] = co_await stream.async_read_some(buffer.prepare(4096), kTuple);
        if (read_error) break;
        buffer.commit(bytes);
      }
      connection->idle = false;
      first = false;
      if (!co_await session.HandleOne(buffer)) break;
    }
    linger = session.rejected();
  } catch (const std::exception& failure) {
    spdlog::error("connection failed: {}", failure.what());
  }
  stream.socket().shutdown(tcp::socket::shutdown_send, error);
  if (linger) {
    // Closing with unread input makes the kernel send a reset, which can destroy our 413/431
    // before the client reads it; drain briefly (like nginx's lingering close) instead.
    stream.expires_after(std::chrono::milliseconds(500));
    std::array<char, 16 * 1024> discard;
    std::size_t drained = 0;
    while (drained < 4 * 1024 * 1024) {
      auto [read_error, bytes] = co_await stream.async_read_some(asio::buffer(discard), kTuple);
      if (read_error) break;
      drained += bytes;
    }
  }
  stream.close();
}

}  // namespace manmulsang::http
