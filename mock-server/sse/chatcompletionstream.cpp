// SPDX-License-Identifier: GPL-3.0-or-later
#include "mock-server/sse/chatcompletionstream.h"

#include "core/protocols/sse/sseeventwriter.h"
#include "mock-server/http/httpresponsestream.h"

#include <cctype>

namespace petstore::mock {

ChatCompletionStream::ChatCompletionStream(HttpResponseStream &stream, Answer answer, int tokenDelayMs,
                                           QObject *parent)
    : QObject(parent), m_stream(&stream), m_answer(std::move(answer))
{
    connect(&stream, &HttpResponseStream::closed, this, &QObject::deleteLater);
    connect(&stream, &QObject::destroyed, this, &QObject::deleteLater);
    connect(&m_timer, &QTimer::timeout, this, &ChatCompletionStream::sendNext);
    // OpenAI's first chunk names the role and carries no content.
    sendChunk({{"role", "assistant"}}, nullptr);
    m_timer.start(tokenDelayMs);
}

std::vector<std::string> ChatCompletionStream::tokenize(const std::string &content)
{
    std::vector<std::string> tokens;
    std::string current;
    bool inWord = false;
    for (char c : content) {
        const bool space = std::isspace(static_cast<unsigned char>(c)) != 0;
        if (space && inWord) {
            tokens.push_back(std::move(current));
            current.clear();
        }
        current += c;
        inWord = !space;
    }
    if (!current.empty())
        tokens.push_back(std::move(current));
    return tokens;
}

void ChatCompletionStream::sendNext()
{
    if (!m_stream || !m_stream->isOpen()) {
        deleteLater();
        return;
    }
    if (m_next < m_answer.tokens.size()) {
        sendChunk({{"content", m_answer.tokens[m_next++]}}, nullptr);
        return;
    }
    m_timer.stop();
    sendChunk(nlohmann::json::object(), m_answer.finishReason, m_answer.usage);
    m_stream->write(core::SseEventWriter::event("[DONE]"));
    m_stream->finish();
    deleteLater();
}

void ChatCompletionStream::sendChunk(const nlohmann::json &delta, const nlohmann::json &finishReason,
                                     const nlohmann::json &usage)
{
    nlohmann::json chunk = {
        {"id", m_answer.id},
        {"object", "chat.completion.chunk"},
        {"created", m_answer.created},
        {"model", m_answer.model},
        {"choices", nlohmann::json::array({{{"index", 0}, {"delta", delta}, {"finishReason", finishReason}}})},
    };
    if (!usage.is_null())
        chunk["usage"] = usage;
    m_stream->write(core::SseEventWriter::event(chunk.dump()));
}

} // namespace petstore::mock
