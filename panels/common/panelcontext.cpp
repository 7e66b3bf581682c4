// SPDX-License-Identifier: GPL-3.0-or-later
#include "panels/common/panelcontext.h"

#include "core/requests/variabletemplate.h"

namespace petstore::panels {

QString PanelContext::expand(const QString &text) const
{
    std::map<std::string, std::string> values;
    const QMap<QString, QString> variables = this->variables();
    for (auto it = variables.cbegin(); it != variables.cend(); ++it)
        values.emplace(it.key().toStdString(), it.value().toStdString());
    return QString::fromStdString(core::VariableTemplate::expand(text.toStdString(), values));
}

} // namespace petstore::panels
