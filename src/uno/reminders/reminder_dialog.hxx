// The reminders dialog: lists the customers due for a reminder (level, invoices, amounts,
// penalties, e-mail present or missing) and the exclusions with their reasons; the user
// unticks customers, overrides a level, picks the outputs and previews one letter. The work
// is ReminderGenerator's, the same as the silent command's.
#pragma once

#include <array>

#include "uno/common/uno_basics.hxx"

#include <com/sun/star/frame/XFrame.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>

#include "uno/reminders/reminder_generator.hxx"

namespace relance::addin
{

// Handler methods named in dialogs/Reminders.xdl (a test checks the two agree).
inline constexpr std::array<const char*, 4> kReminderHandlers = {"onApplyLevel", "onPreview",
                                                                 "onForce", "onFromLateness"};
inline constexpr const char* kRemindersDialogUrl =
    "vnd.sun.star.extension://fr.relance.calc/dialogs/Reminders.xdl";

// Returns the summary of what was generated, or an empty string when cancelled.
OUString runReminderDialog(const css::uno::Reference<css::uno::XComponentContext>& context,
                           const css::uno::Reference<css::frame::XFrame>& frame,
                           ReminderGenerator& generator, ReminderRequest request);

} // namespace relance::addin
