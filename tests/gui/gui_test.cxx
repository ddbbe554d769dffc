// The GUI ring: the office of the calc ring, but with windows (on the Xvfb display xvfb-run
// gives the process) and a French UI. What only a real window shows: the "Créances clients"
// menu in the frame's menu bar; the conversion dialog the menu command opens, filled from the
// sheet, then cancelled without touching the document; and the conversion undone in one step
// (Calc undoes a sheet insertion through the active view, which a headless office lacks).
//
// The dialog runs modally inside the dispatch, so the command is dispatched from a second
// thread while this one finds the dialog among the toolkit's top windows. That window is the
// VCL peer, not the UnoDialogControl (no XControlContainer, and the peers carry no control
// name), so a control is found by the position dialogs/ConvertLedger.xdl gives it: the XDL's
// APPFONT position, converted to pixels by the dialog itself, is where its accessible child
// (the control's own peer: XListBox, XNumericField, ...) sits.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <iterator>
#include <map>
#include <mutex>
#include <regex>
#include <thread>

#include <com/sun/star/accessibility/AccessibleRole.hpp>
#include <com/sun/star/accessibility/XAccessible.hpp>
#include <com/sun/star/accessibility/XAccessibleAction.hpp>
#include <com/sun/star/accessibility/XAccessibleComponent.hpp>
#include <com/sun/star/accessibility/XAccessibleContext.hpp>
#include <com/sun/star/awt/Toolkit.hpp>
#include <com/sun/star/awt/XBitmap.hpp>
#include <com/sun/star/awt/XCheckBox.hpp>
#include <com/sun/star/awt/XDevice.hpp>
#include <com/sun/star/awt/XDialog.hpp>
#include <com/sun/star/awt/XExtendedToolkit.hpp>
#include <com/sun/star/awt/XListBox.hpp>
#include <com/sun/star/awt/XMessageBox.hpp>
#include <com/sun/star/awt/XNumericField.hpp>
#include <com/sun/star/awt/XTextComponent.hpp>
#include <com/sun/star/awt/XTopWindow.hpp>
#include <com/sun/star/awt/XTopWindowListener.hpp>
#include <com/sun/star/awt/XUnitConversion.hpp>
#include <com/sun/star/awt/XWindow2.hpp>
#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/configuration/theDefaultProvider.hpp>
#include <com/sun/star/container/XEnumeration.hpp>
#include <com/sun/star/container/XEnumerationAccess.hpp>
#include <com/sun/star/container/XNameAccess.hpp>
#include <com/sun/star/container/XNameReplace.hpp>
#include <com/sun/star/document/XUndoManagerSupplier.hpp>
#include <com/sun/star/frame/DispatchHelper.hpp>
#include <com/sun/star/frame/DispatchResultEvent.hpp>
#include <com/sun/star/frame/DispatchResultState.hpp>
#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/frame/XDispatchProvider.hpp>
#include <com/sun/star/frame/XLayoutManager.hpp>
#include <com/sun/star/lang/DisposedException.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <com/sun/star/sheet/XCellRangeFormula.hpp>
#include <com/sun/star/sheet/XSheetCellCursor.hpp>
#include <com/sun/star/sheet/XSpreadsheets.hpp>
#include <com/sun/star/sheet/XUsedAreaCursor.hpp>
#include <com/sun/star/ui/XUIElement.hpp>
#include <com/sun/star/util/MeasureUnit.hpp>
#include <com/sun/star/util/XChangesBatch.hpp>
#include <com/sun/star/text/XTextDocument.hpp>
#include <com/sun/star/text/XTextRange.hpp>
#include <com/sun/star/util/CloseVetoException.hpp>
#include <com/sun/star/util/XCloseable.hpp>
#include <com/sun/star/util/XModifiable.hpp>
#include <cppuhelper/implbase1.hxx>
#include <gtest/gtest.h>
#include <rtl/ref.hxx>

#include "calc_support.hxx"
#include "uno/ledger/ledger_layout.hxx"

using namespace relance_test;
using namespace std::chrono_literals;
namespace fs = std::filesystem;

namespace
{

const char* const kDialogTitle = "Relance — Convertir en registre de suivi";
const char* const kMenuTitle = "Créances clients";
const char* const kUndoTitle = "Relance : registre";
const char* const kRemindersTitle = "Relance — Générer les relances";
const char* const kProgressTitle = "Relance — Génération des relances";

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
             std::chrono::milliseconds interval = 100ms)
{
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    for (;;)
    {
        if (condition())
            return true;
        if (std::chrono::steady_clock::now() > deadline)
            return false;
        std::this_thread::sleep_for(interval);
    }
}

// The tip of the day can pop up, modal, over the first document window: off.
void quietStartup(const uno::Reference<uno::XComponentContext>& context)
{
    try
    {
        const uno::Reference<lang::XMultiServiceFactory> provider =
            configuration::theDefaultProvider::get(context);
        const uno::Reference<container::XNameReplace> misc(
            provider->createInstanceWithArguments(
                "com.sun.star.configuration.ConfigurationUpdateAccess",
                sequenceOf<uno::Any>({uno::Any(beans::PropertyValue(
                    "nodepath", 0, uno::Any(OUString("/org.openoffice.Office.Common/Misc")),
                    beans::PropertyState_DIRECT_VALUE))})),
            uno::UNO_QUERY_THROW);
        misc->replaceByName("ShowTipOfTheDay", uno::Any(false));
        uno::Reference<util::XChangesBatch>(misc, uno::UNO_QUERY_THROW)->commitChanges();
    }
    catch (const uno::Exception& error)
    {
        std::cerr << "note: tip of the day left as it is: " << utf8(error.Message) << "\n";
    }
}

// One office with windows per process, French UI, the extension installed.
OfficeSession& guiOffice()
{
    static std::unique_ptr<OfficeSession> session;
    static std::string failure;
    if (!failure.empty())
        throw std::runtime_error(failure);
    if (!session)
        try
        {
            if (env("DISPLAY").empty())
                throw std::runtime_error("no DISPLAY: run under xvfb-run (ctest -R calc.gui)");
            Watchdog::stage("starting the office");
            OfficeOptions options;
            options.sourceDir = env("RELANCE_SOURCE_DIR");
            options.programDir = env("LO_PROGRAM_DIR");
            options.profileDir = env("RELANCE_TEST_PROFILE");
            options.extension = env("RELANCE_TEST_SKIP_INSTALL").empty() ? env("RELANCE_OXT") : "";
            options.uiLanguage = "fr-FR";
            options.headless = false;
            session = std::make_unique<OfficeSession>(options);
            std::atexit([] { session.reset(); });
            quietStartup(session->context());
        }
        catch (const std::exception& error)
        {
            failure = error.what();
            throw;
        }
    return *session;
}

std::string samplePath()
{
    return env("RELANCE_SOURCE_DIR") + "/sample/factures.fods";
}

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

// Everything a sheet holds in its used area: values, texts and formulas.
std::string fingerprint(const uno::Reference<sheet::XSpreadsheet>& sheet)
{
    const uno::Reference<sheet::XSheetCellCursor> cursor = sheet->createCursor();
    const uno::Reference<sheet::XUsedAreaCursor> used(cursor, uno::UNO_QUERY_THROW);
    used->gotoStartOfUsedArea(false);
    used->gotoEndOfUsedArea(true);
    std::string all;
    for (const auto& row :
         uno::Reference<sheet::XCellRangeFormula>(cursor, uno::UNO_QUERY_THROW)->getFormulaArray())
    {
        for (const OUString& cell : row)
            all += utf8(cell) + "\x1f";
        all += "\n";
    }
    return all;
}

std::vector<std::string> ledgerSheetNames()
{
    using relance::addin::LedgerSheet;
    std::vector<std::string> names;
    for (LedgerSheet sheet :
         {LedgerSheet::Invoices, LedgerSheet::Payments, LedgerSheet::Customers,
          LedgerSheet::Reminders, LedgerSheet::Dashboard, LedgerSheet::Settings})
        names.push_back(relance::addin::sheetName(sheet).in(relance::Language::French));
    return names;
}

struct CommandResult
{
    bool finished = false; // the dispatch returned a DispatchResultEvent
    bool success = false;
    std::string message;
};

CommandResult dispatch(const uno::Reference<frame::XFrame>& frame, const char* command,
                       const std::vector<beans::PropertyValue>& arguments)
{
    const uno::Any result =
        frame::DispatchHelper::create(guiOffice().context())
            ->executeDispatch(uno::Reference<frame::XDispatchProvider>(frame, uno::UNO_QUERY_THROW),
                              OUString::createFromAscii(command), "", 0,
                              uno::Sequence<beans::PropertyValue>(
                                  arguments.data(), static_cast<sal_Int32>(arguments.size())));
    CommandResult out;
    frame::DispatchResultEvent event;
    if (result >>= event)
    {
        out.finished = true;
        out.success = event.State == frame::DispatchResultState::SUCCESS;
        OUString message;
        event.Result >>= message;
        out.message = utf8(message);
    }
    return out;
}

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

// The office's top windows, as the toolkit reports them opening and closing. Asking the toolkit
// for its windows instead (XExtendedToolkit::getTopWindow) is unsafe while a command builds a
// dialog: it makes the window's peer from this test's thread without the office's lock, and a
// dialog that loses that race has no window for its controls (they fail with "unsatisfied
// query for interface XView"). The toolkit notifies from the office's thread, once the window
// shows.
class TopWindows : public cppu::WeakImplHelper1<awt::XTopWindowListener>
{
public:
    std::vector<uno::Reference<awt::XWindow>> open() const
    {
        const std::lock_guard lock(mutex_);
        return windows_;
    }

    void SAL_CALL windowOpened(const lang::EventObject& event) override
    {
        const uno::Reference<awt::XWindow> window(event.Source, uno::UNO_QUERY);
        const std::lock_guard lock(mutex_);
        if (window.is() && std::find(windows_.begin(), windows_.end(), window) == windows_.end())
            windows_.push_back(window);
    }
    void SAL_CALL windowClosed(const lang::EventObject& event) override { forget(event); }
    void SAL_CALL disposing(const lang::EventObject& event) override { forget(event); }
    void SAL_CALL windowClosing(const lang::EventObject&) override {}
    void SAL_CALL windowMinimized(const lang::EventObject&) override {}
    void SAL_CALL windowNormalized(const lang::EventObject&) override {}
    void SAL_CALL windowActivated(const lang::EventObject&) override {}
    void SAL_CALL windowDeactivated(const lang::EventObject&) override {}

private:
    void forget(const lang::EventObject& event)
    {
        const uno::Reference<awt::XWindow> window(event.Source, uno::UNO_QUERY);
        const std::lock_guard lock(mutex_);
        windows_.erase(std::remove(windows_.begin(), windows_.end(), window), windows_.end());
    }

    mutable std::mutex mutex_;
    std::vector<uno::Reference<awt::XWindow>> windows_;
};

// Listening from the first call on: VisibleDocument calls it before any command runs.
// (XExtendedToolkit is marked deprecated, with nothing offered instead.)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
const TopWindows& topWindows()
{
    // The toolkit lives as long as this process listens: its listeners go with it.
    static const uno::Reference<awt::XExtendedToolkit> toolkit(
        awt::Toolkit::create(guiOffice().context()), uno::UNO_QUERY_THROW);
    static const rtl::Reference<TopWindows> windows = []
    {
        rtl::Reference<TopWindows> listener(new TopWindows);
        toolkit->addTopWindowListener(uno::Reference<awt::XTopWindowListener>(listener.get()));
        return listener;
    }();
    return *windows;
}
#pragma GCC diagnostic pop

// The visible dialog among the office's top windows with that title, or null.
uno::Reference<awt::XDialog> findDialog(const std::string& title)
{
    for (const uno::Reference<awt::XWindow>& window : topWindows().open())
    {
        const uno::Reference<awt::XDialog> dialog(window, uno::UNO_QUERY);
        const uno::Reference<awt::XWindow2> shown(window, uno::UNO_QUERY);
        if (dialog.is() && shown.is() && shown->isVisible() && utf8(dialog->getTitle()) == title)
            return dialog;
    }
    return {};
}

// The message box on screen (the summary a command shows at its end), or null.
uno::Reference<awt::XMessageBox> findMessageBox()
{
    for (const uno::Reference<awt::XWindow>& window : topWindows().open())
    {
        const uno::Reference<awt::XMessageBox> box(window, uno::UNO_QUERY);
        const uno::Reference<awt::XWindow2> shown(window, uno::UNO_QUERY);
        if (box.is() && shown.is() && shown->isVisible())
            return box;
    }
    return {};
}

// Control positions (APPFONT) by id, as a dialog's .xdl places them.
std::map<std::string, awt::Point> xdlPositions(const std::string& path)
{
    std::ifstream in(path);
    if (!in)
        throw std::runtime_error("cannot read " + path);
    const std::string xdl{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    const std::regex element(R"(<dlg:(\w+)\s([^>]*)>)");
    const auto attribute = [](const std::string& attributes, const char* name)
    {
        std::smatch match;
        if (std::regex_search(attributes, match,
                              std::regex(std::string("dlg:") + name + R"(="([^"]*)\")")))
            return match[1].str();
        return std::string();
    };
    std::map<std::string, awt::Point> positions;
    for (auto it = std::sregex_iterator(xdl.begin(), xdl.end(), element);
         it != std::sregex_iterator(); ++it)
    {
        const std::string attributes = (*it)[2].str();
        const std::string id = attribute(attributes, "id");
        const std::string left = attribute(attributes, "left");
        const std::string top = attribute(attributes, "top");
        if (!id.empty() && !left.empty() && !top.empty() && (*it)[1].str() != "window")
            positions[id] = awt::Point(std::stoi(left), std::stoi(top));
    }
    return positions;
}

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
        throw std::runtime_error("control " + id + " not found in the dialog");
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

std::vector<uno::Reference<accessibility::XAccessibleContext>>
children(const uno::Reference<accessibility::XAccessibleContext>& parent)
{
    std::vector<uno::Reference<accessibility::XAccessibleContext>> out;
    for (sal_Int64 i = 0, count = parent->getAccessibleChildCount(); i < count; ++i)
        if (const uno::Reference<accessibility::XAccessible> child = parent->getAccessibleChild(i);
            child.is() && child->getAccessibleContext().is())
            out.push_back(child->getAccessibleContext());
    return out;
}

// The first object with that role, depth first, at most `depth` levels down.
uno::Reference<accessibility::XAccessibleContext>
findAccessible(const uno::Reference<accessibility::XAccessible>& root, sal_Int16 role, int depth)
{
    const uno::Reference<accessibility::XAccessibleContext> context =
        root.is() ? root->getAccessibleContext() : nullptr;
    if (!context.is())
        return {};
    if (context->getAccessibleRole() == role)
        return context;
    if (depth > 0)
        for (sal_Int64 i = 0, count = context->getAccessibleChildCount(); i < count; ++i)
            if (const auto found = findAccessible(context->getAccessibleChild(i), role, depth - 1);
                found.is())
                return found;
    return {};
}

// Presses the message box's button, as a user reads it and clicks OK.
void dismiss(const uno::Reference<awt::XMessageBox>& box)
{
    const uno::Reference<accessibility::XAccessibleContext> button =
        findAccessible(uno::Reference<accessibility::XAccessible>(box, uno::UNO_QUERY_THROW),
                       accessibility::AccessibleRole::PUSH_BUTTON, 4);
    if (!button.is())
        throw std::runtime_error("the message box has no button");
    uno::Reference<accessibility::XAccessibleAction>(button, uno::UNO_QUERY_THROW)
        ->doAccessibleAction(0);
}

// For people, not asserted: the dialog as it was drawn, as a .bmp in the build directory.
void saveScreenshot(const uno::Reference<awt::XDialog>& dialog, const std::string& name)
{
    try
    {
        const uno::Reference<awt::XWindow> window(dialog, uno::UNO_QUERY_THROW);
        const awt::Rectangle area = window->getPosSize();
        const uno::Sequence<sal_Int8> dib =
            uno::Reference<awt::XDevice>(dialog, uno::UNO_QUERY_THROW)
                ->createBitmap(0, 0, area.Width, area.Height)
                ->getDIB();
        std::string directory = env("RELANCE_GUI_ARTIFACTS");
        const std::string path = (directory.empty() ? "." : directory) + "/" + name;
        std::ofstream out(path, std::ios::binary);
        out.write(reinterpret_cast<const char*>(dib.getConstArray()), dib.getLength());
        std::cout << "screenshot: " << path << "\n";
    }
    catch (const std::exception& error)
    {
        std::cout << "no screenshot: " << error.what() << "\n";
    }
    catch (const uno::Exception& error)
    {
        std::cout << "no screenshot: " << utf8(error.Message) << "\n";
    }
}

} // namespace

TEST(Gui, ReceivablesMenuIsInTheMenuBar)
{
    const VisibleDocument sample(samplePath());
    // The layout manager's menu bar element hands out its manager, not the menu; the menu as
    // shown is reached through the window's accessibility tree.
    const uno::Reference<ui::XUIElement> element =
        uno::Reference<frame::XLayoutManager>(
            uno::Reference<beans::XPropertySet>(sample.frame(), uno::UNO_QUERY_THROW)
                ->getPropertyValue("LayoutManager"),
            uno::UNO_QUERY_THROW)
            ->getElement("private:resource/menubar/menubar");
    ASSERT_TRUE(element.is()) << "the frame has no menu bar";

    uno::Reference<accessibility::XAccessibleContext> menuBar;
    waitFor(
        [&]
        {
            menuBar =
                findAccessible(uno::Reference<accessibility::XAccessible>(
                                   sample.frame()->getContainerWindow(), uno::UNO_QUERY_THROW),
                               accessibility::AccessibleRole::MENU_BAR, 4);
            return menuBar.is();
        },
        20s);
    ASSERT_TRUE(menuBar.is()) << "no menu bar in the window's accessibility tree";

    Watchdog::stage("reading the menu bar");
    std::string all;
    uno::Reference<accessibility::XAccessibleContext> receivables;
    for (const auto& menu : children(menuBar))
    {
        all += " [" + utf8(menu->getAccessibleName()) + "]";
        if (utf8(menu->getAccessibleName()) == kMenuTitle)
            receivables = menu;
    }
    std::cout << "menu bar:" << all << "\n";
    ASSERT_TRUE(receivables.is()) << "no \"" << kMenuTitle << "\" menu in:" << all;
    EXPECT_EQ(receivables->getAccessibleRole(), accessibility::AccessibleRole::MENU);

    // The conversion entries, as the user reads them (the menu may hold more).
    std::vector<std::string> entries;
    std::string listed;
    for (const auto& entry : children(receivables))
    {
        entries.push_back(utf8(entry->getAccessibleName()));
        listed += " [" + entries.back() + "]";
    }
    for (const char* expected :
         {"Convertir en registre de suivi…", "Actualiser le registre depuis la feuille source…"})
        EXPECT_NE(std::find(entries.begin(), entries.end(), expected), entries.end())
            << "no \"" << expected << "\" in:" << listed;
}

TEST(Gui, ConversionDialogIsFilledFromTheSheetAndCancels)
{
    const VisibleDocument sample(samplePath());
    const sal_Int32 sheetsBefore = sample.sheetCount();
    const std::string sourceBefore = fingerprint(sample.sheet("Factures"));

    Watchdog::stage("waiting for the dialog");
    const BackgroundDispatch command(sample.frame(), "fr.relance:convertLedger", {},
                                     []
                                     {
                                         if (const auto dialog = findDialog(kDialogTitle);
                                             dialog.is())
                                             dialog->endExecute();
                                     });
    const auto dialog = awaitWindow<uno::Reference<awt::XDialog>>(
        command, [] { return findDialog(kDialogTitle); }, 60s, 200ms);
    ASSERT_TRUE(dialog.is()) << (!command.done() ? std::string("no dialog after 60 s")
                                 : command.result().finished
                                     ? "the command returned without a dialog: " +
                                           command.result().message
                                     : "the command was not handled: " + command.result().message);

    // Filled as ledger_dialog.cxx promises, from the sample's messy sheet. The handler fills the
    // controls before the dialog is shown; the poll only rides out a slow first paint.
    Watchdog::stage("reading the dialog");
    const DialogControls controls(dialog, "ConvertLedger");
    const auto sourceSheet = controls.as<awt::XListBox>("SourceSheet");
    const auto headerRow = controls.as<awt::XNumericField>("HeaderRow");
    const auto invoiceNumber = controls.as<awt::XListBox>("Map_0");
    const auto preview = controls.as<awt::XTextComponent>("PreviewText");
    waitFor([&] { return preview->getText().indexOf("320") >= 0; }, 10s);
    EXPECT_EQ(utf8(sourceSheet->getSelectedItem()), "Factures");
    EXPECT_EQ(headerRow->getValue(), 4.0);
    EXPECT_EQ(utf8(invoiceNumber->getSelectedItem()).substr(0, 1), "A")
        << utf8(invoiceNumber->getSelectedItem());
    EXPECT_NE(utf8(preview->getText()).find("320"), std::string::npos) << utf8(preview->getText());

    std::this_thread::sleep_for(500ms); // let the first paint land before the screenshot
    saveScreenshot(dialog, "convert-ledger-dialog.bmp");

    // Cancel, as a user clicks it.
    Watchdog::stage("cancelling the dialog");
    const uno::Reference<accessibility::XAccessibleAction> cancel(
        controls.control("Cancel")->getAccessibleContext(), uno::UNO_QUERY_THROW);
    ASSERT_GT(cancel->getAccessibleActionCount(), 0);
    cancel->doAccessibleAction(0);
    ASSERT_TRUE(command.wait(30s)) << "the command did not return after Cancel";
    EXPECT_TRUE(command.result().finished);
    EXPECT_TRUE(command.result().success) << command.result().message;
    EXPECT_EQ(command.result().message, ""); // cancelled: no summary
    EXPECT_TRUE(waitFor([] { return !findDialog(kDialogTitle).is(); }, 10s))
        << "the dialog is still on screen";

    // Nothing was written.
    EXPECT_EQ(sample.sheetCount(), sheetsBefore);
    for (const std::string& name : ledgerSheetNames())
        EXPECT_FALSE(sample.sheets()->hasByName(ustr(name))) << name;
    EXPECT_EQ(fingerprint(sample.sheet("Factures")), sourceBefore);
    EXPECT_FALSE(
        uno::Reference<util::XModifiable>(sample.document(), uno::UNO_QUERY_THROW)->isModified());
}

TEST(Gui, ConversionIsUndoneInOneStep)
{
    const VisibleDocument sample(samplePath());
    const uno::Reference<document::XUndoManager> undo =
        uno::Reference<document::XUndoManagerSupplier>(sample.document(), uno::UNO_QUERY_THROW)
            ->getUndoManager();
    const sal_Int32 sheetsBefore = sample.sheetCount();
    const std::string sourceBefore = fingerprint(sample.sheet("Factures"));
    const sal_Int32 stepsBefore = undo->getAllUndoActionTitles().getLength();

    Watchdog::stage("converting silently");
    const CommandResult result = dispatch(
        sample.frame(), "fr.relance:convertLedger",
        {argument("Silent", uno::Any(true)), argument("AsOf", uno::Any(OUString("2026-11-15")))});
    ASSERT_TRUE(result.success) << result.message;
    ASSERT_EQ(sample.sheetCount(), sheetsBefore + 6);
    for (const std::string& name : ledgerSheetNames())
        EXPECT_TRUE(sample.sheets()->hasByName(ustr(name))) << name;
    ASSERT_TRUE(undo->isUndoPossible());
    EXPECT_EQ(utf8(undo->getCurrentUndoActionTitle()), kUndoTitle);
    EXPECT_EQ(undo->getAllUndoActionTitles().getLength(), stepsBefore + 1);

    Watchdog::stage("undoing");
    undo->undo();
    Watchdog::stage("checking the undone document");

    EXPECT_EQ(sample.sheetCount(), sheetsBefore);
    for (const std::string& name : ledgerSheetNames())
        EXPECT_FALSE(sample.sheets()->hasByName(ustr(name))) << name;
    EXPECT_EQ(fingerprint(sample.sheet("Factures")), sourceBefore);
    EXPECT_EQ(undo->getAllUndoActionTitles().getLength(), stepsBefore);
    EXPECT_EQ(utf8(undo->getCurrentRedoActionTitle()), kUndoTitle);
}

// The reminders dialog as the user meets it: opened from the menu command on the converted
// sample, it lists the customers due for a letter, all ticked; one is unticked, Generate is
// pressed, and the progress window's Stop button stops the run between two letters. What was
// made is logged, and only that: the unticked customer is not in the log, and every logged
// letter's file exists.
TEST(Gui, RemindersDialogListsTheCustomersAndStopsBetweenLetters)
{
    const VisibleDocument sample(samplePath());
    Watchdog::stage("converting silently");
    const CommandResult converted = dispatch(
        sample.frame(), "fr.relance:convertLedger",
        {argument("Silent", uno::Any(true)), argument("AsOf", uno::Any(OUString("2026-11-15")))});
    ASSERT_TRUE(converted.success) << converted.message;
    const fs::path output = fs::path(env("RELANCE_TEST_PROFILE")) / "gui-reminders";
    fs::remove_all(output);

    Watchdog::stage("waiting for the reminders dialog");
    const BackgroundDispatch command(
        sample.frame(), "fr.relance:generateReminders",
        {argument("AsOf", uno::Any(OUString("2026-11-15"))),
         argument("OutputDir", uno::Any(ustr(output.string())))},
        []
        {
            if (const auto dialog = findDialog(kRemindersTitle); dialog.is())
                dialog->endExecute();
            if (const auto progress = findDialog(kProgressTitle); progress.is())
                uno::Reference<accessibility::XAccessibleAction>(
                    DialogControls(progress, "Progress").control("Stop")->getAccessibleContext(),
                    uno::UNO_QUERY_THROW)
                    ->doAccessibleAction(0);
            if (const auto box = findMessageBox(); box.is())
                dismiss(box);
        });
    const auto dialog = awaitWindow<uno::Reference<awt::XDialog>>(
        command, [] { return findDialog(kRemindersTitle); }, 60s, 200ms);
    ASSERT_TRUE(dialog.is()) << (command.done() ? command.result().message : "no dialog");

    Watchdog::stage("reading the reminders dialog");
    const DialogControls controls(dialog, "Reminders");
    const auto customers = controls.as<awt::XListBox>("Customers");
    const sal_Int16 listed = customers->getItemCount();
    ASSERT_GE(listed, 4) << "too few letters planned to stop between two of them";
    std::vector<std::string> names;
    for (sal_Int16 i = 0; i < listed; ++i)
    {
        const std::string line = utf8(customers->getItem(i));
        const std::size_t dash = line.find(" — ");
        ASSERT_NE(dash, std::string::npos) << line;
        names.push_back(line.substr(0, dash));
        // Level, invoices, amount, and whether an e-mail address is there.
        EXPECT_TRUE(std::regex_search(line, std::regex(R"(\d+ facture\(s\) \(F20\d\d-\d{4})")))
            << line;
        EXPECT_NE(line.find("€"), std::string::npos) << line;
        EXPECT_NE(line.find("Relance 1"), std::string::npos) << line;
    }
    EXPECT_EQ(customers->getSelectedItemsPos().getLength(), listed) << "all ticked at first";
    EXPECT_EQ(controls.as<awt::XCheckBox>("OutputPdf")->getState(), 1);
    EXPECT_EQ(controls.as<awt::XCheckBox>("OutputSmtp")->getState(), 0);
    EXPECT_EQ(controls.as<awt::XCheckBox>("OutputCombined")->getState(), 1);
    std::this_thread::sleep_for(500ms);
    saveScreenshot(dialog, "reminders-dialog.bmp");

    // Untick the first customer, then Generate.
    customers->selectItemPos(0, false);
    ASSERT_EQ(customers->getSelectedItemsPos().getLength(), listed - 1);
    Watchdog::stage("generating");
    uno::Reference<accessibility::XAccessibleAction>(
        controls.control("Generate")->getAccessibleContext(), uno::UNO_QUERY_THROW)
        ->doAccessibleAction(0);

    // The progress window comes up; Stop, as a user clicks it.
    const auto progress = awaitWindow<uno::Reference<awt::XDialog>>(
        command, [] { return findDialog(kProgressTitle); }, 60s, 50ms);
    ASSERT_TRUE(progress.is()) << (command.done() ? command.result().message : "no progress");
    // Meanwhile the document refuses to close from under the run.
    Watchdog::stage("closing the document during the run");
    EXPECT_THROW(
        uno::Reference<util::XCloseable>(sample.document(), uno::UNO_QUERY_THROW)->close(false),
        util::CloseVetoException);
    Watchdog::stage("stopping");
    uno::Reference<accessibility::XAccessibleAction>(
        DialogControls(progress, "Progress").control("Stop")->getAccessibleContext(),
        uno::UNO_QUERY_THROW)
        ->doAccessibleAction(0);
    // The summary comes up in a message box; the command returns once it is read.
    const auto summary = awaitWindow<uno::Reference<awt::XMessageBox>>(
        command, [] { return findMessageBox(); }, 120s, 200ms);
    ASSERT_TRUE(summary.is()) << (command.done() ? command.result().message : "no summary");
    const std::string shown = utf8(summary->getMessageText());
    EXPECT_NE(shown.find("Arrêt demandé"), std::string::npos) << shown;
    dismiss(summary);
    ASSERT_TRUE(command.wait(30s)) << "the command did not return after its summary";
    ASSERT_TRUE(command.result().success) << command.result().message;
    EXPECT_NE(command.result().message.find("Arrêt demandé"), std::string::npos)
        << command.result().message;
    EXPECT_TRUE(waitFor([] { return !findDialog(kProgressTitle).is(); }, 10s));

    // The log holds what was made, nothing else.
    const auto log = sample.sheet(relance::addin::sheetName(relance::addin::LedgerSheet::Reminders)
                                      .in(relance::Language::French));
    std::vector<std::string> logged;
    for (sal_Int32 r = 1;; ++r)
    {
        const std::string customer = utf8(
            uno::Reference<text::XTextRange>(log->getCellByPosition(1, r), uno::UNO_QUERY_THROW)
                ->getString());
        if (customer.empty())
            break;
        logged.push_back(customer);
        const std::string file = utf8(
            uno::Reference<text::XTextRange>(log->getCellByPosition(7, r), uno::UNO_QUERY_THROW)
                ->getString());
        EXPECT_TRUE(fs::exists(file)) << file;
        EXPECT_EQ(file.rfind(output.string(), 0), 0u) << file;
    }
    EXPECT_LT(logged.size(), static_cast<std::size_t>(listed - 1)) << "Stop did not stop";
    EXPECT_EQ(std::find(logged.begin(), logged.end(), names[0]), logged.end())
        << names[0] << " was unticked";
    for (const std::string& customer : logged)
        EXPECT_NE(std::find(names.begin(), names.end(), customer), names.end()) << customer;
    std::cout << "letters before Stop: " << logged.size() << " of " << listed - 1 << "\n";
}

// The dialog's other controls, as a user works them: customers reminded today are left out
// with their reason until "redo" is ticked; a level changed to the formal notice shows its
// claims; Preview opens that letter in Writer; Cancel writes nothing.
TEST(Gui, RemindersDialogForcesChangesALevelAndPreviews)
{
    const VisibleDocument sample(samplePath());
    Watchdog::stage("converting and reminding silently");
    const CommandResult converted = dispatch(
        sample.frame(), "fr.relance:convertLedger",
        {argument("Silent", uno::Any(true)), argument("AsOf", uno::Any(OUString("2026-11-15")))});
    ASSERT_TRUE(converted.success) << converted.message;
    // The ECB rate of 2026-S2, which the formal notice needs, as the user adds it.
    sample
        .sheet(relance::addin::sheetName(relance::addin::LedgerSheet::Settings)
                   .in(relance::Language::French))
        ->getCellByPosition(1, 21)
        ->setValue(0.0215);
    const fs::path output = fs::path(env("RELANCE_TEST_PROFILE")) / "gui-reminders-force";
    fs::remove_all(output);
    const CommandResult reminded = dispatch(
        sample.frame(), "fr.relance:generateReminders",
        {argument("Silent", uno::Any(true)), argument("AsOf", uno::Any(OUString("2026-11-15"))),
         argument("OutputDir", uno::Any(ustr(output.string()))),
         argument("Formats", uno::Any(OUString("pdf"))), argument("Combined", uno::Any(false)),
         argument("Skip", uno::Any(ustr("Cave Perrin & Fils;Crêperie Le Goéland")))});
    ASSERT_TRUE(reminded.success) << reminded.message;
    const auto log = sample.sheet(relance::addin::sheetName(relance::addin::LedgerSheet::Reminders)
                                      .in(relance::Language::French));
    const auto logRows = [&]
    {
        sal_Int32 rows = 0;
        while (!uno::Reference<text::XTextRange>(log->getCellByPosition(1, rows + 1),
                                                 uno::UNO_QUERY_THROW)
                    ->getString()
                    .isEmpty())
            ++rows;
        return rows;
    };
    const sal_Int32 loggedBefore = logRows();
    ASSERT_GT(loggedBefore, 3);

    Watchdog::stage("waiting for the reminders dialog");
    const BackgroundDispatch command(sample.frame(), "fr.relance:generateReminders",
                                     {argument("AsOf", uno::Any(OUString("2026-11-15"))),
                                      argument("OutputDir", uno::Any(ustr(output.string())))},
                                     []
                                     {
                                         if (const auto dialog = findDialog(kRemindersTitle);
                                             dialog.is())
                                             dialog->endExecute();
                                         if (const auto box = findMessageBox(); box.is())
                                             dismiss(box);
                                     });
    const auto dialog = awaitWindow<uno::Reference<awt::XDialog>>(
        command, [] { return findDialog(kRemindersTitle); }, 60s, 200ms);
    ASSERT_TRUE(dialog.is()) << (command.done() ? command.result().message : "no dialog");
    const DialogControls controls(dialog, "Reminders");
    const auto customers = controls.as<awt::XListBox>("Customers");
    const auto click = [&](const char* id)
    {
        uno::Reference<accessibility::XAccessibleAction>(
            controls.control(id)->getAccessibleContext(), uno::UNO_QUERY_THROW)
            ->doAccessibleAction(0);
    };

    // Everyone else was reminded today: only the two left out then are listed, the others are
    // left out with the reason.
    Watchdog::stage("reading the reminders dialog");
    const auto listed = [&]
    {
        std::vector<std::string> names;
        for (sal_Int16 i = 0; i < customers->getItemCount(); ++i)
        {
            const std::string line = utf8(customers->getItem(i));
            names.push_back(line.substr(0, line.find(" — ")));
        }
        return names;
    };
    ASSERT_EQ(listed(), (std::vector<std::string>{"Cave Perrin & Fils", "Crêperie Le Goéland"}));
    const std::string excluded = utf8(controls.as<awt::XTextComponent>("Excluded")->getText());
    EXPECT_NE(excluded.find("déjà relancé aujourd'hui"), std::string::npos) << excluded;
    EXPECT_EQ(controls.as<awt::XCheckBox>("Force")->getState(), 0);
    // The user unticks one of them.
    customers->selectItemPos(0, false);

    // Redo: the others come back, ticked; the one unticked stays unticked.
    Watchdog::stage("ticking Force");
    click("Force");
    EXPECT_TRUE(waitFor([&] { return customers->getItemCount() >= loggedBefore + 2; }, 10s))
        << customers->getItemCount();
    EXPECT_EQ(controls.as<awt::XCheckBox>("Force")->getState(), 1);
    const std::vector<std::string> all = listed();
    const auto ticked = customers->getSelectedItemsPos();
    EXPECT_EQ(ticked.getLength(), customers->getItemCount() - 1);
    for (const sal_Int16 position : ticked)
        EXPECT_NE(all[static_cast<std::size_t>(position)], "Cave Perrin & Fils");
    EXPECT_EQ(utf8(controls.as<awt::XTextComponent>("Excluded")->getText())
                  .find("déjà relancé aujourd'hui"),
              std::string::npos);

    // The first customer raised to the formal notice: its line shows the claims.
    Watchdog::stage("changing a level");
    const auto overrideCustomer = controls.as<awt::XListBox>("OverrideCustomer");
    overrideCustomer->selectItemPos(0, true);
    const std::string customer = utf8(overrideCustomer->getSelectedItem());
    ASSERT_FALSE(customer.empty());
    EXPECT_EQ(utf8(customers->getItem(0)).find("Mise en demeure"), std::string::npos);
    controls.as<awt::XListBox>("OverrideLevel")->selectItemPos(3, true);
    click("ApplyLevel");
    EXPECT_TRUE(waitFor(
        [&] { return utf8(customers->getItem(0)).find("Mise en demeure") != std::string::npos; },
        10s))
        << utf8(customers->getItem(0));
    const std::string line = utf8(customers->getItem(0));
    EXPECT_EQ(line.rfind(customer, 0), 0u) << line;
    EXPECT_NE(line.find("pénalités et indemnités"), std::string::npos) << line;

    // Preview: that letter, in Writer.
    Watchdog::stage("previewing");
    click("Preview");
    uno::Reference<lang::XComponent> preview;
    EXPECT_TRUE(waitFor(
        [&]
        {
            const uno::Reference<container::XEnumeration> all =
                guiOffice().desktop()->getComponents()->createEnumeration();
            while (all->hasMoreElements())
            {
                const uno::Reference<text::XTextDocument> text(all->nextElement(), uno::UNO_QUERY);
                try
                {
                    if (text.is() &&
                        utf8(uno::Reference<frame::XModel>(text, uno::UNO_QUERY_THROW)->getURL())
                                .find("relance-apercu") != std::string::npos)
                    {
                        preview.set(text, uno::UNO_QUERY);
                        return true;
                    }
                }
                catch (const lang::DisposedException&)
                {
                    // A letter template the preview closed meanwhile.
                }
            }
            return false;
        },
        30s));
    ASSERT_TRUE(preview.is());
    const std::string letter = utf8(
        uno::Reference<text::XTextDocument>(preview, uno::UNO_QUERY_THROW)->getText()->getString());
    EXPECT_NE(letter.find(customer), std::string::npos);
    EXPECT_NE(letter.find("Mise en demeure"), std::string::npos) << letter.substr(0, 800);
    EXPECT_NE(letter.find("L441-10"), std::string::npos);
    uno::Reference<util::XCloseable>(preview, uno::UNO_QUERY_THROW)->close(true);

    // Cancel: nothing made, nothing logged.
    Watchdog::stage("cancelling");
    click("Cancel");
    ASSERT_TRUE(command.wait(30s)) << "the command did not return after Cancel";
    EXPECT_EQ(logRows(), loggedBefore);
}

int main(int argc, char** argv)
{
    ::testing::InitGoogleTest(&argc, argv);
    Watchdog::start(180s);
    const int status = RUN_ALL_TESTS();
    Watchdog::stage("shutting the office down");
    return status;
}
