// SPDX-License-Identifier: GPL-3.0-or-later
// petstore-mqttbench: the MQTT load client of tests/bench/mqtt-bench.sh, on libmosquitto, one
// thread, every client driven by one poll() loop so the client stays far from being the
// bottleneck. Publishing is closed-loop: at most --window messages are on their way at once,
// so throughput is what the broker sustains and latency is not the client's own queue.
//   petstore-mqttbench --port P fanin  --qos 0|1 [--messages N]   4 publishers -> 1 subscriber
//   petstore-mqttbench --port P fanout [--messages N]              1 publisher -> 100 subscribers
//   petstore-mqttbench --port P idle --clients N --pid BROKER_PID  RSS of N idle clients
// Prints one JSON object.
#include "loopbackconnect.h"

#include <mosquitto.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <poll.h>
#include <string>
#include <thread>
#include <unistd.h>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

std::int64_t nowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now().time_since_epoch()).count();
}

struct Totals
{
    std::uint64_t delivered = 0;
    std::vector<double> latenciesMs;
    std::int64_t firstNs = 0;
    std::int64_t lastNs = 0;
};

void onMessage(mosquitto *, void *userdata, const mosquitto_message *message)
{
    auto *totals = static_cast<Totals *>(userdata);
    const std::int64_t now = nowNs();
    std::int64_t sent = 0;
    if (message->payloadlen >= int(sizeof sent))
        std::memcpy(&sent, message->payload, sizeof sent);
    if (totals->delivered == 0)
        totals->firstNs = now;
    totals->lastNs = now;
    ++totals->delivered;
    // Every message's latency would be millions of samples: keep one in 8.
    if ((totals->delivered & 7) == 0)
        totals->latenciesMs.push_back(double(now - sent) / 1e6);
}

struct Fleet
{
    std::vector<mosquitto *> clients;

    mosquitto *add(int port, void *userdata)
    {
        mosquitto *m = mosquitto_new(nullptr, true, userdata);
        mosquitto_int_option(m, MOSQ_OPT_PROTOCOL_VERSION, MQTT_PROTOCOL_V311);
        // No client-side QoS 1 queue: the window below already bounds what is in flight.
        mosquitto_max_inflight_messages_set(m, 0);
        mosquitto_message_callback_set(m, onMessage);
        if (mosquitto_connect(m, "127.0.0.1", port, 60) != MOSQ_ERR_SUCCESS) {
            std::fprintf(stderr, "mqttbench: cannot connect to port %d\n", port);
            std::exit(1);
        }
        clients.push_back(m);
        return m;
    }

    // One round of the event loop over every client.
    void pump(int timeoutMs)
    {
        std::vector<pollfd> fds;
        fds.reserve(clients.size());
        for (mosquitto *m : clients)
            fds.push_back({mosquitto_socket(m), short(POLLIN | (mosquitto_want_write(m) ? POLLOUT : 0)), 0});
        ::poll(fds.data(), fds.size(), timeoutMs);
        for (std::size_t i = 0; i < clients.size(); ++i) {
            if (fds[i].revents & POLLIN)
                mosquitto_loop_read(clients[i], 64);
            if (fds[i].revents & POLLOUT || mosquitto_want_write(clients[i]))
                mosquitto_loop_write(clients[i], 64);
            mosquitto_loop_misc(clients[i]);
        }
    }

    void settle(int ms)
    {
        const auto end = Clock::now() + std::chrono::milliseconds(ms);
        while (Clock::now() < end)
            pump(10);
    }
};

double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    return values[std::min(values.size() - 1, std::size_t(p * double(values.size())))];
}

void report(const char *scenario, int qos, const Totals &totals, std::uint64_t expected)
{
    const double seconds = double(totals.lastNs - totals.firstNs) / 1e9;
    std::printf("{\"scenario\":\"%s\",\"qos\":%d,\"delivered\":%llu,\"expected\":%llu,\"seconds\":%.3f,"
                "\"messagesPerSecond\":%.0f,\"p50Ms\":%.3f,\"p99Ms\":%.3f}\n",
                scenario, qos, (unsigned long long)totals.delivered, (unsigned long long)expected, seconds,
                seconds > 0 ? double(totals.delivered) / seconds : 0.0, percentile(totals.latenciesMs, 0.5),
                percentile(totals.latenciesMs, 0.99));
}

// Publishers publish round robin while fewer than `window` deliveries are outstanding.
void run(Fleet &fleet, std::vector<mosquitto *> &publishers, int subscribers, int qos, std::uint64_t messages,
         Totals &totals, std::uint64_t window)
{
    char payload[64] = {};
    std::uint64_t published = 0;
    const std::uint64_t expected = messages * std::uint64_t(subscribers);
    auto idleSince = Clock::now();
    std::uint64_t lastDelivered = 0;
    while (totals.delivered < expected) {
        while (published < messages && published * subscribers - totals.delivered < window * subscribers) {
            const std::int64_t now = nowNs();
            std::memcpy(payload, &now, sizeof now);
            mosquitto_publish(publishers[published % publishers.size()], nullptr, "bench/load", sizeof payload, payload, qos, false);
            ++published;
        }
        fleet.pump(1);
        if (totals.delivered != lastDelivered) {
            lastDelivered = totals.delivered;
            idleSince = Clock::now();
        } else if (Clock::now() - idleSince > std::chrono::seconds(3)) {
            break;   // a broker that dropped messages: report what arrived
        }
    }
}

long rssKb(int pid)
{
    std::ifstream status("/proc/" + std::to_string(pid) + "/status");
    for (std::string line; std::getline(status, line);)
        if (line.rfind("VmRSS:", 0) == 0)
            return std::atol(line.c_str() + 6);
    return -1;
}

// Plain sockets: a 3.1.1 CONNECT without keep alive, then wait for CONNACK.
void idle(int port, int count, int pid)
{
    const long before = rssKb(pid);
    std::vector<int> sockets;
    for (int i = 0; i < count; ++i) {
        const int fd = connectLoopback(port);
        if (fd < 0) {
            std::fprintf(stderr, "mqttbench: connection %d failed\n", i);
            std::exit(1);
        }
        char id[16];
        const int idLength = std::snprintf(id, sizeof id, "idle-%d", i);
        std::string connect = {0x10, char(10 + 2 + idLength), 0, 4, 'M', 'Q', 'T', 'T', 4, 0x02, 0, 0, 0, char(idLength)};
        connect.append(id, std::size_t(idLength));
        if (::write(fd, connect.data(), connect.size()) != ssize_t(connect.size())) {
            std::fprintf(stderr, "mqttbench: write failed\n");
            std::exit(1);
        }
        sockets.push_back(fd);
    }
    for (int fd : sockets) {
        char connack[4];
        if (::read(fd, connack, sizeof connack) != 4 || connack[0] != 0x20 || connack[3] != 0) {
            std::fprintf(stderr, "mqttbench: no CONNACK\n");
            std::exit(1);
        }
    }
    std::this_thread::sleep_for(std::chrono::seconds(1));
    const long after = rssKb(pid);
    std::printf("{\"scenario\":\"idle\",\"clients\":%d,\"rssBeforeKb\":%ld,\"rssAfterKb\":%ld,\"kbPerClient\":%.2f}\n",
                count, before, after, double(after - before) / count);
    for (int fd : sockets)
        ::close(fd);
}

} // namespace

int main(int argc, char **argv)
{
    int port = 1883, qos = 0, clients = 10000, pid = 0;
    std::uint64_t messages = 200000, window = 0;
    std::string scenario;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        auto next = [&] { return i + 1 < argc ? argv[++i] : "0"; };
        if (arg == "--port") port = std::atoi(next());
        else if (arg == "--qos") qos = std::atoi(next());
        else if (arg == "--messages") messages = std::strtoull(next(), nullptr, 10);
        else if (arg == "--window") window = std::strtoull(next(), nullptr, 10);
        else if (arg == "--clients") clients = std::atoi(next());
        else if (arg == "--pid") pid = std::atoi(next());
        else scenario = arg;
    }
    if (scenario == "idle") {
        idle(port, clients, pid);
        return 0;
    }
    mosquitto_lib_init();
    Totals totals;
    Fleet fleet;
    const int subscriberCount = scenario == "fanout" ? 100 : 1;
    if (window == 0)
        window = scenario == "fanout" ? 50 : 500;   // deliveries in flight: 5,000 and 500
    for (int i = 0; i < subscriberCount; ++i)
        mosquitto_subscribe(fleet.add(port, &totals), nullptr, "bench/load", qos);
    std::vector<mosquitto *> publishers;
    for (int i = 0; i < (scenario == "fanout" ? 1 : 4); ++i)
        publishers.push_back(fleet.add(port, &totals));
    fleet.settle(500);   // CONNACKs and SUBACKs
    run(fleet, publishers, subscriberCount, qos, messages, totals, window);
    report(scenario.c_str(), qos, totals, messages * std::uint64_t(subscriberCount));
    for (mosquitto *m : fleet.clients) {
        mosquitto_disconnect(m);
        mosquitto_destroy(m);
    }
    mosquitto_lib_cleanup();
    return 0;
}
