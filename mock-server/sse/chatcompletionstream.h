// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <nlohmann/json.hpp>

#include <QObject>
#include <QPointer>
#include <QTimer>

#include <string>
#include <vector>

namespace petstore::mock {

class HttpResponseStream;

// One streamed chat answer (`stream: true`): OpenAI-style `chat.completion.chunk` events, one
// token per chunk at the configured pace, a final chunk with finishReason and usage, then
// `data: [DONE]` (PROTOCOL-NOTES, SSE). Generation stops as soon as the client goes away: the
// object deletes itself when its stream closes or ends.
class ChatCompletionStream : public QObject
{
    Q_OBJECT
public:
    struct Answer
    {
        std::string id;                  // "chatcmpl-7"
        std::string model;
        std::int64_t created = 0;
        std::vector<std::string> tokens; // the words, each but the first with its leading space
        std::string finishReason;        // "stop" or "length"
        nlohmann::json usage;
    };

    // Starts writing at once; `parent` owns it until it finishes (the mock's timer context).
    ChatCompletionStream(HttpResponseStream &stream, Answer answer, int tokenDelayMs, QObject *parent);

    // `content` split into streamable tokens: words with the whitespace that precedes them.
    static std::vector<std::string> tokenize(const std::string &content);

private:
    void sendNext();
    void sendChunk(const nlohmann::json &delta, const nlohmann::json &finishReason,
                   const nlohmann::json &usage = nullptr);

    QPointer<HttpResponseStream> m_stream;
    Answer m_answer;
    std::size_t m_next = 0;
    QTimer m_timer;
};

} // namespace petstore::mock
