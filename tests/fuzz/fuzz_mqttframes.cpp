// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzzes the MQTT codec the broker and the MQTT panel will share: the stream framer gives the
// same frames (or failure) however the bytes are split and never buffers past the maximum
// packet size; every frame body read as a sequence of fields never reads out of bounds; every
// frame a version accepts re-encodes to bytes that decode to the same packet; topic
// validation and matching accept any text without crashing, and a valid name always matches
// itself as a filter.
#include "core/protocols/mqtt/mqttbytereader.h"
#include "core/protocols/mqtt/mqttframedecoder.h"
#include "core/protocols/mqtt/mqttpacketreader.h"
#include "core/protocols/mqtt/mqttpacketwriter.h"
#include "core/protocols/mqtt/mqtttopic.h"

#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

using namespace petstore::core;

namespace {

constexpr std::uint32_t MaxPacket = 4096;

std::string frames(std::string_view input, std::size_t split)
{
    MqttFrameDecoder decoder(MaxPacket);
    decoder.feed(input.substr(0, split));
    decoder.feed(input.substr(split));
    if (decoder.bufferedBytes() > MaxPacket)
        std::abort();
    std::string summary;
    while (decoder.hasFrame()) {
        const MqttFrame frame = decoder.takeFrame();
        summary += char(frame.header);
        summary += frame.body;
        summary += '\x1e';
        for (MqttVersion version : {MqttVersion::V311, MqttVersion::V5}) {
            const auto packet = MqttPacketReader::decode(frame, version);
            if (!packet.ok())
                continue;
            MqttFrameDecoder again;
            again.feed(MqttPacketWriter::encode(packet.value(), version));
            if (!again.hasFrame())
                std::abort();
            const auto back = MqttPacketReader::decode(again.takeFrame(), version);
            if (!back.ok() || !(back.value() == packet.value()))
                std::abort();
        }
        MqttByteReader reader(frame.body);
        // Walk the body with the reader's every kind of field until it refuses.
        for (int field = 0; !reader.atEnd(); ++field) {
            const std::size_t before = reader.remaining();
            bool ok = true;
            switch (field % 5) {
            case 0: ok = reader.u16("f").ok(); break;
            case 1: ok = reader.variableInt("f").ok(); break;
            case 2: ok = reader.string("f").ok(); break;
            case 3: ok = reader.u32("f").ok(); break;
            default: ok = reader.binary("f").ok(); break;
            }
            if (!ok)
                break;
            if (reader.remaining() >= before)
                std::abort();
        }
    }
    return summary + char('0' + int(decoder.failure()));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size == 0)
        return 0;
    const std::string_view input(reinterpret_cast<const char *>(data) + 1, size - 1);
    const std::size_t split = input.empty() ? 0 : data[0] % (input.size() + 1);
    if (frames(input, split) != frames(input, input.size()))
        std::abort();

    const std::size_t half = input.size() / 2;
    const std::string_view filter = input.substr(0, half);
    const std::string_view topic = input.substr(half);
    const bool filterOk = MqttTopic::validateFilter(filter).ok();
    if (MqttTopic::validateName(topic).ok() && !MqttTopic::matches(topic, topic))
        std::abort();
    if (filterOk && !MqttTopic::shared(filter))
        (void)MqttTopic::matches(filter, topic);
    return 0;
}
