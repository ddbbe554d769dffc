// The GUI tests' shared helpers (declared in gui_support.hxx), the watchdog's start and main: one
// office with windows for the whole process, shut down once every test has run.
#include <algorithm>
#include <fstream>
#include <iostream>
#include <iterator>
#include <map>
#include <mutex>
#include <regex>
#include <string>
#include <vector>

#include <com/sun/star/accessibility/AccessibleRole.hpp>
#include <com/sun/star/accessibility/XAccessibleAction.hpp>
#include <com/sun/star/awt/Toolkit.hpp>
#include <com/sun/star/awt/XBitmap.hpp>
#include <com/sun/star/awt/XDevice.hpp>
#include <com/sun/star/awt/XExtendedToolkit.hpp>
#include <com/sun/star/awt/XTopWindowListener.hpp>
#include <com/sun/star/awt/XWindow2.hpp>
#include <com/sun/star/configuration/theDefaultProvider.hpp>
#include <com/sun/star/container/XNameReplace.hpp>
#include <com/sun/star/frame/DispatchHelper.hpp>
#include <com/sun/star/frame/DispatchResultEvent.hpp>
#include <com/sun/star/frame/DispatchResultState.hpp>
#include <com/sun/star/frame/XDispatchProvider.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <com/sun/star/util/XChangesBatch.hpp>
#include <cppuhelper/implbase1.hxx>
#include <gtest/gtest.h>
#include <rtl/ref.hxx>

#include "gui_support.hxx"

namespace relance_test
{

namespace
{

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

} // namespace

bool waitFor(const std::function<bool()>& condition, std::chrono::milliseconds timeout,
             std::chrono::milliseconds interval)
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

void saveScreenshot(const uno::Reference<awt::XDialog>& dialog, const std::string& name)
{
    saveScreenshot(uno::Reference<awt::XWindow>(dialog, uno::UNO_QUERY), name);
}

void saveScreenshot(const uno::Reference<awt::XWindow>& window, const std::string& name)
{
    try
    {
        if (!window.is())
            throw uno::RuntimeException("not a window");
        const awt::Rectangle area = window->getPosSize();
        const uno::Sequence<sal_Int8> dib =
            uno::Reference<awt::XDevice>(window, uno::UNO_QUERY_THROW)
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

} // namespace relance_test

using namespace relance_test;
using namespace std::chrono_literals;

int main(int argc, char** argv)
{
    ::testing::InitGoogleTest(&argc, argv);
    Watchdog::start(180s);
    const int status = RUN_ALL_TESTS();
    Watchdog::stage("shutting the office down");
    return status;
}
