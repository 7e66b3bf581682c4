// SPDX-License-Identifier: GPL-3.0-or-later
// Load client for the streaming benchmarks of issue 4, in plain C++ on epoll so that it is not
// the bottleneck (one thread, no allocation per message on the hot path):
//   petstore-streambench sse PORT SUBSCRIBERS EVENTS
//     opens SUBSCRIBERS GET /v1/events streams, then publishes EVENTS events through
//     POST /admin/events one after another, and reports the delivery latency to every
//     subscriber (p50, p99, max) as JSON.
//   petstore-streambench ws-echo PORT PATH CONNECTIONS SIZE SECONDS [WINDOW]
//     opens CONNECTIONS WebSockets to PATH, keeps WINDOW masked text messages of SIZE bytes in
//     flight on each, and reports echoed messages per second as JSON.
#include "loopbackconnect.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

int connectTo(int port)
{
    const int fd = connectLoopback(port);
    if (fd < 0) {
        std::perror("connect");
        std::exit(2);
    }
    const int one = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    return fd;
}

void writeAll(int fd, const char *data, std::size_t size)
{
    while (size > 0) {
        const ssize_t n = ::write(fd, data, size);
        if (n <= 0) {
            std::perror("write");
            std::exit(2);
        }
        data += n;
        size -= std::size_t(n);
    }
}

// Reads until `needle` has arrived (blocking); returns what was read.
std::string readUntil(int fd, const char *needle)
{
    std::string in;
    char buffer[4096];
    while (in.find(needle) == std::string::npos) {
        const ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n <= 0) {
            std::fprintf(stderr, "connection closed while waiting for %s: %s\n", needle, in.c_str());
            std::exit(2);
        }
        in.append(buffer, std::size_t(n));
    }
    return in;
}

double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    return values[std::min(values.size() - 1, std::size_t(p * double(values.size())))];
}

int runSse(int port, int subscribers, int events)
{
    std::vector<int> fds;
    const int epoll = ::epoll_create1(0);
    const std::string request = "GET /v1/events?types=pet.updated HTTP/1.1\r\nHost: bench\r\n\r\n";
    for (int i = 0; i < subscribers; ++i) {
        const int fd = connectTo(port);
        writeAll(fd, request.data(), request.size());
        readUntil(fd, "retry:");
        epoll_event ev{};
        ev.events = EPOLLIN;
        ev.data.u32 = std::uint32_t(i);
        ::epoll_ctl(epoll, EPOLL_CTL_ADD, fd, &ev);
        fds.push_back(fd);
    }
    std::printf("{\"subscribersOpen\":%d}\n", subscribers);
    std::fflush(stdout);
    ::sleep(2);   // idle: the caller samples the mock's RSS now (see stream-bench.sh)

    std::vector<double> latencies;
    latencies.reserve(std::size_t(subscribers) * std::size_t(events));
    std::vector<epoll_event> ready(1024);
    char buffer[16384];
    for (int e = 0; e < events; ++e) {
        const int admin = connectTo(port);
        const std::string body = "{\"type\":\"pet.updated\",\"subject\":\"/v1/pets/bench\",\"data\":{\"n\":" + std::to_string(e) + "}}";
        const std::string post = "POST /admin/events HTTP/1.1\r\nHost: bench\r\nContent-Type: application/json\r\n"
                                 "Connection: close\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
        const auto sent = Clock::now();
        writeAll(admin, post.data(), post.size());
        int delivered = 0;
        while (delivered < subscribers) {
            const int n = ::epoll_wait(epoll, ready.data(), int(ready.size()), 5000);
            if (n <= 0) {
                std::fprintf(stderr, "event %d reached only %d of %d subscribers\n", e, delivered, subscribers);
                return 1;
            }
            const auto now = Clock::now();
            for (int k = 0; k < n; ++k) {
                const ssize_t got = ::read(fds[ready[std::size_t(k)].data.u32], buffer, sizeof buffer);
                if (got > 0 && std::string_view(buffer, std::size_t(got)).find("event: pet.updated") != std::string_view::npos) {
                    latencies.push_back(std::chrono::duration<double, std::milli>(now - sent).count());
                    ++delivered;
                }
            }
        }
        ::close(admin);
        ::usleep(100 * 1000);
    }
    std::printf("{\"subscribers\":%d,\"events\":%d,\"deliveries\":%zu,\"p50Ms\":%.2f,\"p99Ms\":%.2f,\"maxMs\":%.2f}\n",
                subscribers, events, latencies.size(), percentile(latencies, 0.50), percentile(latencies, 0.99),
                percentile(latencies, 1.0));
    return 0;
}

// A masked client text frame (RFC 6455 §5.2, §5.3) with a fixed key: the server unmasks
// whatever key it gets, so a constant one costs nothing and changes nothing.
std::string maskedFrame(const std::string &payload)
{
    std::string frame;
    frame += char(0x81);
    if (payload.size() <= 125) {
        frame += char(0x80 | payload.size());
    } else {
        frame += char(0x80 | 126);
        frame += char(payload.size() >> 8);
        frame += char(payload.size() & 0xFF);
    }
    const char key[4] = {0x12, 0x34, 0x56, 0x78};
    frame.append(key, 4);
    for (std::size_t i = 0; i < payload.size(); ++i)
        frame += char(payload[i] ^ key[i % 4]);
    return frame;
}

int runWebSocketEcho(int port, const std::string &path, int connections, int size, int seconds, int window)
{
    const std::string handshake = "GET " + path + " HTTP/1.1\r\nHost: bench\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                                  "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n";
    const std::string frame = maskedFrame(std::string(std::size_t(size), 'x'));
    const std::size_t echoSize = 2 + (size > 125 ? 2 : 0) + std::size_t(size);   // server frames are unmasked
    std::string burst;
    for (int i = 0; i < window; ++i)
        burst += frame;
    const int epoll = ::epoll_create1(0);
    std::vector<int> fds;
    std::vector<std::size_t> pending(std::size_t(connections), 0);
    for (int i = 0; i < connections; ++i) {
        const int fd = connectTo(port);
        writeAll(fd, handshake.data(), handshake.size());
        const std::string head = readUntil(fd, "\r\n\r\n");
        if (head.rfind("HTTP/1.1 101", 0) != 0) {
            std::fprintf(stderr, "no upgrade: %s\n", head.c_str());
            return 1;
        }
        epoll_event ev{};
        ev.events = EPOLLIN;
        ev.data.u32 = std::uint32_t(i);
        ::epoll_ctl(epoll, EPOLL_CTL_ADD, fd, &ev);
        fds.push_back(fd);
        writeAll(fd, burst.data(), burst.size());
    }
    std::vector<epoll_event> ready(64);
    static char buffer[1 << 16];
    std::uint64_t echoed = 0;
    const auto start = Clock::now();
    const auto end = start + std::chrono::seconds(seconds);
    while (Clock::now() < end) {
        const int n = ::epoll_wait(epoll, ready.data(), int(ready.size()), 1000);
        for (int k = 0; k < n; ++k) {
            const std::uint32_t c = ready[std::size_t(k)].data.u32;
            const ssize_t got = ::read(fds[c], buffer, sizeof buffer);
            if (got <= 0) {
                std::fprintf(stderr, "connection %u closed\n", c);
                return 1;
            }
            // Every echo is the same size: count whole ones, resend as many.
            pending[c] += std::size_t(got);
            const std::size_t whole = pending[c] / echoSize;
            pending[c] %= echoSize;
            echoed += whole;
            for (std::size_t m = 0; m < whole; ++m)
                writeAll(fds[c], frame.data(), frame.size());
        }
    }
    const double elapsed = std::chrono::duration<double>(Clock::now() - start).count();
    std::printf("{\"connections\":%d,\"size\":%d,\"window\":%d,\"seconds\":%.2f,\"messages\":%llu,\"messagesPerSecond\":%.0f}\n",
                connections, size, window, elapsed, static_cast<unsigned long long>(echoed), double(echoed) / elapsed);
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    const std::string mode = argc > 1 ? argv[1] : "";
    if (mode == "sse" && argc == 5)
        return runSse(std::atoi(argv[2]), std::atoi(argv[3]), std::atoi(argv[4]));
    if (mode == "ws-echo" && (argc == 7 || argc == 8))
        return runWebSocketEcho(std::atoi(argv[2]), argv[3], std::atoi(argv[4]), std::atoi(argv[5]), std::atoi(argv[6]),
                                argc == 8 ? std::atoi(argv[7]) : 32);
    std::fprintf(stderr, "usage: %s sse PORT SUBSCRIBERS EVENTS\n"
                         "       %s ws-echo PORT PATH CONNECTIONS SIZE SECONDS [WINDOW]\n", argv[0], argv[0]);
    return 64;
}
