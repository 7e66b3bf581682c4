// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/explorer/docks/trafficdetailview.h"

#include "core/protocols/grpc/grpcmessagejson.h"
#include "core/protocols/grpc/grpcstatuscode.h"
#include "core/protocols/mqtt/mqttpacketjson.h"

#include "core/traffic/harexport.h"
#include "panels/common/jsonview.h"
#include "panels/common/wireview.h"

#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

namespace petstore::explorer {

TrafficDetailView::TrafficDetailView(QWidget *parent) : QTabWidget(parent)
{
    setObjectName(QStringLiteral("trafficDetail"));
    setDocumentMode(true);
    m_wire = new panels::WireView(this);
    auto *decoded = new QWidget(this);
    m_line = new QLabel(decoded);
    m_line->setObjectName(QStringLiteral("trafficDecodedLine"));
    m_line->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_headers = new QTableWidget(0, 3, decoded);
    m_headers->setObjectName(QStringLiteral("trafficDecodedHeaders"));
    m_headers->setHorizontalHeaderLabels({tr("Side"), tr("Header"), tr("Value")});
    m_headers->horizontalHeader()->setStretchLastSection(true);
    m_headers->verticalHeader()->hide();
    m_headers->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_body = new panels::JsonView(decoded);
    auto *split = new QSplitter(Qt::Horizontal, decoded);
    split->addWidget(m_headers);
    split->addWidget(m_body);
    auto *layout = new QVBoxLayout(decoded);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(m_line);
    layout->addWidget(split, 1);
    addTab(m_wire, tr("Raw"));
    addTab(decoded, tr("Decoded"));
}

// A gRPC call's messages, from the wire frames the mock captured (the first few each way).
nlohmann::json TrafficDetailView::grpcMessages(const core::TrafficRecord &record)
{
    using core::GrpcMessageJson;
    return {{"method", record.path},
            {"status", core::GrpcStatusCode::name(record.status)},
            {"requestMessages", GrpcMessageJson::decode(record.path, record.rawRequest, GrpcMessageJson::Direction::Request)},
            {"responseMessages", GrpcMessageJson::decode(record.path, record.rawResponse, GrpcMessageJson::Direction::Response)}};
}

void TrafficDetailView::showRecord(const core::TrafficRecord &record)
{
    if (record.rawRequest.empty() && record.rawResponse.empty())
        m_wire->clear();
    else
        m_wire->setExchange(QByteArray::fromStdString(record.rawRequest), QByteArray::fromStdString(record.rawResponse),
                            panels::WireView::Origin::Captured);
    m_headers->setRowCount(0);
    // Only HTTP exchanges have headers; the others give the decoded body the whole width.
    m_headers->setVisible(record.protocol == "http");
    if (record.protocol == "mqtt") {
        // One packet per record, in whichever direction it went.
        const std::string &bytes = record.rawRequest.empty() ? record.rawResponse : record.rawRequest;
        const auto version = record.protocolVersion == "3.1.1" ? core::MqttVersion::V311 : core::MqttVersion::V5;
        m_line->setText(QStringLiteral("MQTT %1 · %2").arg(QString::fromStdString(record.protocolVersion),
                                                           QString::fromStdString(record.summary)));
        m_body->setJson(QByteArray::fromStdString(core::MqttPacketJson::fromWire(bytes, version).dump()));
        return;
    }
    if (record.protocol == "grpc") {
        m_line->setText(QStringLiteral("gRPC · %1 · %2 ms").arg(QString::fromStdString(record.summary)).arg(record.durationMs, 0, 'f', 2));
        m_body->setJson(QByteArray::fromStdString(grpcMessages(record).dump()));
        return;
    }
    if (record.protocol != "http") {
        m_line->setText(QString::fromStdString(record.summary));
        m_body->setJson(QByteArray());
        return;
    }
    // The HAR form is the decoded exchange: headers split, chunked bodies joined.
    const auto entry = core::HarExport::document({record}, {})["log"]["entries"][0];
    m_line->setText(QStringLiteral("%1 %2 → %3 %4 · %5 ms · request id %6")
                        .arg(QString::fromStdString(entry["request"]["method"].get<std::string>()),
                             QString::fromStdString(entry["request"]["url"].get<std::string>()))
                        .arg(record.status)
                        .arg(QString::fromStdString(entry["response"]["statusText"].get<std::string>()))
                        .arg(record.durationMs, 0, 'f', 2)
                        .arg(QString::fromStdString(record.requestId)));
    for (const char *side : {"request", "response"}) {
        for (const auto &header : entry[side]["headers"]) {
            const int row = m_headers->rowCount();
            m_headers->insertRow(row);
            m_headers->setItem(row, 0, new QTableWidgetItem(QString::fromLatin1(side)));
            m_headers->setItem(row, 1, new QTableWidgetItem(QString::fromStdString(header["name"].get<std::string>())));
            m_headers->setItem(row, 2, new QTableWidgetItem(QString::fromStdString(header["value"].get<std::string>())));
        }
    }
    m_headers->resizeColumnsToContents();
    const auto &content = entry["response"]["content"];
    m_body->setJson(content.contains("text") ? QByteArray::fromStdString(content["text"].get<std::string>()) : QByteArray());
}

void TrafficDetailView::clearRecord()
{
    m_wire->clear();
    m_line->clear();
    m_headers->setRowCount(0);
    m_body->setJson(QByteArray());
}

} // namespace petstore::explorer
