// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QCheckBox;
class QLabel;
class QPlainTextEdit;

namespace petstore::panels {

// The bytes of one exchange: request then response, line endings made visible (\r\n), byte counts,
// and a hex dump. Says whether the bytes were captured by the server or reconstructed by the
// client, because only the first are exactly what travelled.
class WireView : public QWidget
{
    Q_OBJECT
public:
    enum class Origin { Captured, Reconstructed };

    explicit WireView(QWidget *parent = nullptr);

    void setExchange(const QByteArray &request, const QByteArray &response, Origin origin);
    void clear();
    QString originText() const;
    QString shownText() const;

    // "offset  16 hex bytes  |ascii|" lines, as hexdump -C prints them.
    static QString hexDump(const QByteArray &bytes);
    // Text with CR, LF and tab written as \r, \n and \t (LF still breaks the line) and other
    // control bytes as \xNN, so the framing of RFC 9112 is visible.
    static QString visibleText(const QByteArray &bytes);

private:
    void render();

    QLabel *m_origin = nullptr;
    QCheckBox *m_hex = nullptr;
    QPlainTextEdit *m_text = nullptr;
    QByteArray m_request;
    QByteArray m_response;
};

} // namespace petstore::panels
