// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/http/problemdetails.h"

#include <QWidget>

class QLabel;

namespace petstore::panels {

// An RFC 9457 problem (application/problem+json) shown as an error card: status and title,
// detail, the per-field errors, the problem type and the trace id to quote.
class ProblemCard : public QWidget
{
    Q_OBJECT
public:
    explicit ProblemCard(QWidget *parent = nullptr);

    void showProblem(const core::ProblemDetails &problem);

protected:
    void paintEvent(QPaintEvent *event) override;

private:

    QLabel *m_title = nullptr;
    QLabel *m_detail = nullptr;
    QLabel *m_fields = nullptr;
    QLabel *m_meta = nullptr;
};

} // namespace petstore::panels
