// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/protocols/http1/http1request.h"

#include <cstddef>
#include <deque>
#include <string>
#include <string_view>

namespace petstore::core {

// Incremental HTTP/1.1 request framing (RFC 9112 §2–§7): feed bytes as they arrive, in any
// split; take complete requests in order. Limits are checked as soon as the head is known, so a
// 10 GB upload is refused before it is buffered. After an error the parser stays failed: the
// connection answers errorStatus() and closes (RFC 9112 §11.2 forbids guessing message bounds).
// Pure: no sockets, no event loop; fuzzed in tests/fuzz/fuzz_http1request.cpp.
class Http1RequestParser
{
public:
    struct Limits
    {
        std::size_t maxHeaderBytes = 16 * 1024;   // request line + fields + CRLFs
        std::size_t maxBodyBytes = 1024 * 1024;   // decoded payload
        std::size_t maxHeaderCount = 100;
    };

    Http1RequestParser();
    explicit Http1RequestParser(Limits limits);

    void setLimits(Limits limits) { m_limits = limits; }
    void feed(std::string_view bytes);

    bool hasRequest() const { return !m_ready.empty(); }
    Http1Request takeRequest();

    // The head of a request whose body is still expected carried "Expect: 100-continue"
    // (RFC 9110 §10.1.1): the server should send an interim 100 once. Reading clears it.
    bool takeContinueRequest();

    // An upgrade request (Upgrade + Connection: upgrade, no body) stops the parser: the bytes
    // after its head belong to the new protocol.
    bool upgraded() const { return m_upgraded; }
    std::string takeRemainder();

    bool failed() const { return m_errorStatus != 0; }
    int errorStatus() const { return m_errorStatus; }           // 400, 413, 431, 501, 505
    const std::string &errorMessage() const { return m_errorMessage; }

    std::size_t bufferedBytes() const { return m_buffer.size(); }

private:
    enum class Phase { Head, FixedBody, ChunkSize, ChunkData, ChunkDataEnd, Trailers };

    void parse();
    bool parseHead(std::string_view head);
    bool parseChunked();
    bool consumeBody();   // moves up to m_remaining payload bytes; true when they are all in
    void finishRequest();
    void fail(int status, std::string message);

    Limits m_limits;
    Phase m_phase = Phase::Head;
    std::string m_buffer;          // bytes not yet consumed
    std::size_t m_scanFrom = 0;    // where to resume looking for the end of the head
    std::size_t m_remaining = 0;   // body or chunk bytes still to read
    Http1Request m_current;
    std::deque<Http1Request> m_ready;
    bool m_continueRequested = false;
    bool m_upgraded = false;
    int m_errorStatus = 0;
    std::string m_errorMessage;
};

} // namespace petstore::core
