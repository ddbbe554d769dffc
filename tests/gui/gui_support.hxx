// Shared by the GUI tests: the office with windows, the sample in a visible window, menu commands
// dispatched from a second thread, and the dialogs, controls and message boxes they open. Kept
// apart so each test file holds only what it checks.
//
// The dialog runs modally inside the dispatch, so the command is dispatched from a second
// thread while this one finds the dialog among the toolkit's top windows. That window is the
// VCL peer, not the UnoDialogControl (no XControlContainer, and the peers carry no control
// name), so a control is found by the position dialogs/ConvertLedger.xdl gives it: the XDL's
// APPFONT position, converted to pixels by the dialog itself, is where its accessible child
// (the control's own peer: XListBox, XNumericField, ...) sits.

#pragma once

#include <atomic>
#include <chrono>
#include <functional>
#include <iostream>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <com/sun/star/accessibility/XAccessible.hpp>
#include <com/sun/star/accessibility/XAccessibleComponent.hpp>
#include <com/sun/star/accessibility/XAccessibleContext.hpp>
#include <com/sun/star/awt/XDialog.hpp>
#include <com/sun/star/awt/XMessageBox.hpp>
#include <com/sun/star/awt/XTopWindow.hpp>
#include <com/sun/star/awt/XUnitConversion.hpp>
#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/container/XNameAccess.hpp>
#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/sheet/XSpreadsheets.hpp>
#include <com/sun/star/util/MeasureUnit.hpp>
#include <com/sun/star/util/XCloseable.hpp>

#include "calc_support.hxx"

namespace relance_test
{

using namespace std::chrono_literals;

// A call into the office that never returns (a modal window nobody answers, a deadlock) would
// sit until ctest's timeout without a word of where. Each stage is named; one lasting longer
// than the limit ends the process with its name.
class Watchdog
{
public:
    static void stage(const std::string& name)
    {
        const std::lock_guard<std::mutex> lock(mutex());
        current() = {name, std::chrono::steady_clock::now()};
    }
    static void start(std::chrono::seconds limit)
    {
        std::thread(
            [limit]
            {
                for (;;)
                {
                    std::this_thread::sleep_for(1s);
                    const std::lock_guard<std::mutex> lock(mutex());
                    if (!current().first.empty() &&
                        std::chrono::steady_clock::now() - current().second > limit)
                    {
                        std::cerr << "\nHUNG for over " << limit.count()
                                  << " s while: " << current().first << std::endl;
                        std::_Exit(3);
                    }
                }
            })
            .detach();
    }

private:
    static std::mutex& mutex()
    {
        static std::mutex instance;
        return instance;
    }
    static std::pair<std::string, std::chrono::steady_clock::time_point>& current()
    {
        static std::pair<std::string, std::chrono::steady_clock::time_point> instance;
        return instance;
    }
};

// Polls until the condition holds or the time is up; returns the condition's last value.

bool waitFor(const std::function<bool()>& condition, std::chrono::milliseconds timeout,
             std::chrono::milliseconds interval = 100ms);

// One office with windows per process, French UI, the extension installed.

OfficeSession& guiOffice();

std::string samplePath();

class TopWindows;
const TopWindows& topWindows();

// The sample in a window of its own, in front and active; closed without saving at the end.
class VisibleDocument
{
public:
    explicit VisibleDocument(const std::string& path)
    {
        OfficeSession& office = guiOffice();
        topWindows(); // from now on, the windows commands open are known
        Watchdog::stage("loading " + path);
        // No "Hidden" argument: a frame with a container window, a menu bar and a view.
        document_ = office.desktop()->loadComponentFromURL(ustr(fileUrl(path)), "_blank", 0, {});
        model_.set(document_, uno::UNO_QUERY_THROW);
        frame_ = model_->getCurrentController()->getFrame();
        const uno::Reference<awt::XWindow> window = frame_->getContainerWindow();
        uno::Reference<awt::XTopWindow>(window, uno::UNO_QUERY_THROW)->toFront();
        window->setFocus();
        frame_->activate();
        // Calc's undo of sheet insertion goes through the active view: wait for this one.
        Watchdog::stage("activating the sample's window");
        const uno::Reference<uno::XInterface> self(document_, uno::UNO_QUERY);
        if (!waitFor(
                [&]
                {
                    return uno::Reference<uno::XInterface>(office.desktop()->getCurrentComponent(),
                                                           uno::UNO_QUERY) == self;
                },
                20s))
        {
            close();
            throw std::runtime_error("the loaded sample never became the current document");
        }
    }
    ~VisibleDocument() { close(); }
    VisibleDocument(const VisibleDocument&) = delete;
    VisibleDocument& operator=(const VisibleDocument&) = delete;

    const uno::Reference<lang::XComponent>& document() const { return document_; }
    const uno::Reference<frame::XFrame>& frame() const { return frame_; }
    uno::Reference<sheet::XSpreadsheets> sheets() const
    {
        return uno::Reference<sheet::XSpreadsheetDocument>(document_, uno::UNO_QUERY_THROW)
            ->getSheets();
    }
    sal_Int32 sheetCount() const
    {
        return uno::Reference<container::XIndexAccess>(sheets(), uno::UNO_QUERY_THROW)->getCount();
    }
    uno::Reference<sheet::XSpreadsheet> sheet(const std::string& name) const
    {
        return uno::Reference<sheet::XSpreadsheet>(sheets()->getByName(ustr(name)),
                                                   uno::UNO_QUERY_THROW);
    }

private:
    void close()
    {
        Watchdog::stage("closing the sample");
        try
        {
            uno::Reference<util::XCloseable>(document_, uno::UNO_QUERY_THROW)->close(true);
        }
        catch (const uno::Exception&)
        {
        }
    }

    uno::Reference<lang::XComponent> document_;
    uno::Reference<frame::XModel> model_;
    uno::Reference<frame::XFrame> frame_;
};

struct CommandResult
{
    bool finished = false; // the dispatch returned a DispatchResultEvent
    bool success = false;
    std::string message;
};

CommandResult dispatch(const uno::Reference<frame::XFrame>& frame, const char* command,
                       const std::vector<beans::PropertyValue>& arguments);

// The menu command run on a thread of its own, since it blocks while its dialog is up.
// Whatever happens to the test, the destructor gets the thread back: it calls `rescue` (which
// closes the dialog) until the dispatch returns.
class BackgroundDispatch
{
public:
    BackgroundDispatch(const uno::Reference<frame::XFrame>& frame, const char* command,
                       std::vector<beans::PropertyValue> arguments, std::function<void()> rescue)
        : state_(std::make_shared<State>()), rescue_(std::move(rescue))
    {
        thread_ = std::thread(
            [state = state_, frame, command, arguments = std::move(arguments)]
            {
                try
                {
                    state->result = dispatch(frame, command, arguments);
                }
                catch (const uno::Exception& error)
                {
                    state->result.message = "exception: " + utf8(error.Message);
                }
                catch (const std::exception& error)
                {
                    state->result.message = std::string("exception: ") + error.what();
                }
                state->done.store(true);
            });
    }
    ~BackgroundDispatch()
    {
        for (int attempt = 0; attempt < 30 && !done(); ++attempt)
        {
            try
            {
                rescue_();
            }
            catch (const uno::Exception&)
            {
            }
            wait(1s);
        }
        if (done())
            thread_.join();
        else
            thread_.detach(); // the office is stuck; ctest's timeout ends the run
    }
    BackgroundDispatch(const BackgroundDispatch&) = delete;
    BackgroundDispatch& operator=(const BackgroundDispatch&) = delete;

    bool done() const { return state_->done.load(); }
    bool wait(std::chrono::milliseconds timeout) const
    {
        return waitFor([this] { return done(); }, timeout, 50ms);
    }
    // Only once done().
    const CommandResult& result() const { return state_->result; }

private:
    struct State
    {
        std::atomic<bool> done{false};
        CommandResult result;
    };
    std::shared_ptr<State> state_;
    std::function<void()> rescue_;
    std::thread thread_;
};

// Polls for a window the running command opens, until it shows or the command returns.
template <typename Window>
Window awaitWindow(const BackgroundDispatch& command, const std::function<Window()>& find,
                   std::chrono::milliseconds timeout, std::chrono::milliseconds interval)
{
    Window window;
    waitFor(
        [&]
        {
            window = find();
            return window.is() || command.done();
        },
        timeout, interval);
    return window;
}

// The visible dialog among the office's top windows with that title, or null.

uno::Reference<awt::XDialog> findDialog(const std::string& title);

// The message box on screen (the summary a command shows at its end), or null.

uno::Reference<awt::XMessageBox> findMessageBox();

// Control positions (APPFONT) by id, as a dialog's .xdl places them.

std::map<std::string, awt::Point> xdlPositions(const std::string& path);

// The controls of the running dialog, by their XDL id.
class DialogControls
{
public:
    DialogControls(const uno::Reference<awt::XDialog>& dialog, const std::string& xdl)
        : dialog_(dialog), xdl_(xdl),
          positions_(xdlPositions(env("RELANCE_SOURCE_DIR") + "/dialogs/" + xdl + ".xdl"))
    {
    }

    // The control's peer (it is its own accessible object too).
    uno::Reference<accessibility::XAccessible> control(const std::string& id) const
    {
        const auto position = positions_.find(id);
        if (position == positions_.end())
            throw std::runtime_error("no control " + id + " in " + xdl_ + ".xdl");
        const awt::Point pixel =
            uno::Reference<awt::XUnitConversion>(dialog_, uno::UNO_QUERY_THROW)
                ->convertPointToPixel(position->second, util::MeasureUnit::APPFONT);
        const uno::Reference<accessibility::XAccessibleContext> context =
            uno::Reference<accessibility::XAccessible>(dialog_, uno::UNO_QUERY_THROW)
                ->getAccessibleContext();
        for (sal_Int64 i = 0, count = context->getAccessibleChildCount(); i < count; ++i)
        {
            const uno::Reference<accessibility::XAccessible> child = context->getAccessibleChild(i);
            const uno::Reference<accessibility::XAccessibleComponent> component(
                child.is() ? child->getAccessibleContext() : nullptr, uno::UNO_QUERY);
            if (!component.is())
                continue;
            const awt::Rectangle bounds = component->getBounds();
            if (std::abs(bounds.X - pixel.X) <= 2 && std::abs(bounds.Y - pixel.Y) <= 2)
                return child;
        }
        std::string seen;
        for (sal_Int64 i = 0, count = context->getAccessibleChildCount(); i < count; ++i)
            if (const uno::Reference<accessibility::XAccessibleComponent> component(
                    context->getAccessibleChild(i)->getAccessibleContext(), uno::UNO_QUERY);
                component.is())
                seen += " " + std::to_string(component->getBounds().X) + "," +
                        std::to_string(component->getBounds().Y);
        throw std::runtime_error("control " + id + " not found in the dialog at " +
                                 std::to_string(pixel.X) + "," + std::to_string(pixel.Y) +
                                 "; controls at" + seen);
    }
    template <typename Interface> uno::Reference<Interface> as(const std::string& id) const
    {
        const uno::Reference<Interface> control(this->control(id), uno::UNO_QUERY);
        if (!control.is())
            throw std::runtime_error("control " + id + " is not a " +
                                     utf8(cppu::UnoType<Interface>::get().getTypeName()));
        return control;
    }

private:
    uno::Reference<awt::XDialog> dialog_;
    std::string xdl_;
    std::map<std::string, awt::Point> positions_;
};

// The first object with that role, depth first, at most `depth` levels down.

uno::Reference<accessibility::XAccessibleContext>
findAccessible(const uno::Reference<accessibility::XAccessible>& root, sal_Int16 role, int depth);

// Presses the message box's button, as a user reads it and clicks OK.

void dismiss(const uno::Reference<awt::XMessageBox>& box);

// For people, not asserted: the dialog or window as it was drawn, as a .bmp in the build
// directory (scripts/screenshots makes README's pictures from them).

void saveScreenshot(const uno::Reference<awt::XDialog>& dialog, const std::string& name);
void saveScreenshot(const uno::Reference<awt::XWindow>& window, const std::string& name);

} // namespace relance_test
