// The add-in object called in-process exactly as Calc calls it: Any arguments, a hidden
// document argument carrying the null date, IllegalArgumentException for bad input.
#include <cmath>
#include <limits>

#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/lang/Locale.hpp>
#include <rtl/ref.hxx>
#include <gtest/gtest.h>

#include "uno/functions/any_convert.hxx"
#include "core/calendar/civil_date.hxx"
#include "fake_document.hxx"
#include "uno/functions/function_table.hxx"
#include "uno/functions/receivables_addin.hxx"

using namespace css;
using relance::addin::ReceivablesAddIn;
using Range = uno::Sequence<uno::Sequence<uno::Any>>;

namespace
{

std::string text(const OUString& value)
{
    return relance::addin::toUtf8(value);
}

Range range(std::initializer_list<std::initializer_list<uno::Any>> rows)
{
    Range result(static_cast<sal_Int32>(rows.size()));
    sal_Int32 i = 0;
    for (const auto& row : rows)
        result.getArray()[i++] =
            uno::Sequence<uno::Any>(row.begin(), static_cast<sal_Int32>(row.size()));
    return result;
}

// 1899-12-30 based serial of a civil date, as Calc stores it.
double serial(int y, unsigned m, unsigned d)
{
    return relance::toDayNumber({y, m, d}) - relance::toDayNumber({1899, 12, 30});
}

class AddInTest : public ::testing::Test
{
protected:
    AddInTest()
        : addIn(new ReceivablesAddIn(nullptr)), document(makeFakeDocument(util::Date(30, 12, 1899)))
    {
        addIn->setLocale(lang::Locale("fr", "FR", ""));
    }

    rtl::Reference<ReceivablesAddIn> addIn;
    uno::Reference<beans::XPropertySet> document;
    const uno::Any none;
};

} // namespace

TEST_F(AddInTest, DueDateFromDateCellsAndText)
{
    EXPECT_EQ(addIn->dueDate(document, uno::Any(serial(2024, 1, 15)),
                             uno::Any(OUString("45 jours fin de mois")), none, none),
              serial(2024, 2, 29));
    EXPECT_EQ(addIn->dueDate(document, uno::Any(serial(2024, 1, 15)),
                             uno::Any(OUString("45 jours fin de mois")), uno::Any(OUString("B")),
                             none),
              serial(2024, 3, 16));
    EXPECT_EQ(addIn->dueDate(document, uno::Any(serial(2024, 1, 15)),
                             uno::Any(OUString("45 jours fin de mois")), uno::Any(2.0), none),
              serial(2024, 3, 16));
    EXPECT_EQ(
        addIn->dueDate(document, uno::Any(OUString("12 mars 2024")), uno::Any(30.0), none, none),
        serial(2024, 4, 11));
    // a time of day on the invoice date is ignored
    EXPECT_EQ(
        addIn->dueDate(document, uno::Any(serial(2024, 3, 12) + 0.75), uno::Any(30.0), none, none),
        serial(2024, 4, 11));
    // a 1x1 range is a cell
    const Range cell = range({{uno::Any(OUString("12/03/2024"))}});
    EXPECT_EQ(addIn->dueDate(document, uno::Any(cell), uno::Any(OUString("net 30")), none, none),
              serial(2024, 4, 11));
}

TEST_F(AddInTest, SerialsFollowTheDocumentNullDate)
{
    const auto mac = makeFakeDocument(util::Date(1, 1, 1904));
    const double offset = relance::toDayNumber({1904, 1, 1}) - relance::toDayNumber({1899, 12, 30});
    EXPECT_EQ(
        addIn->dueDate(mac, uno::Any(serial(2024, 1, 15) - offset), uno::Any(30.0), none, none),
        serial(2024, 2, 14) - offset);
    // without a document, Calc's default null date applies
    EXPECT_EQ(addIn->dueDate(nullptr, uno::Any(serial(2024, 1, 15)), uno::Any(30.0), none, none),
              serial(2024, 2, 14));
}

TEST_F(AddInTest, DaysLate)
{
    const uno::Any due(serial(2024, 2, 28));
    EXPECT_EQ(addIn->daysLate(document, due, none, uno::Any(serial(2024, 3, 1))), 2.0);
    EXPECT_EQ(addIn->daysLate(document, due, uno::Any(serial(2024, 3, 10)), none), 11.0);
    EXPECT_EQ(addIn->daysLate(document, due, uno::Any(0.0), uno::Any(serial(2024, 2, 1))), 0.0);
    EXPECT_EQ(
        addIn->daysLate(document, due, uno::Any(OUString("")), uno::Any(OUString("01/03/2024"))),
        2.0);
    // omitted as-of date: today
    const double expected =
        std::max(0.0, (relance::addin::today() - relance::toDayNumber({2024, 2, 28})) * 1.0);
    EXPECT_EQ(addIn->daysLate(document, due, none, none), expected);
}

TEST_F(AddInTest, AgingBucketLabelsAndBounds)
{
    const uno::Any due(serial(2024, 1, 31));
    EXPECT_EQ(
        text(addIn->agingBucket(document, due, none, uno::Any(serial(2024, 1, 31)), none, none)),
        "Non échu");
    EXPECT_EQ(
        text(addIn->agingBucket(document, due, none, uno::Any(serial(2024, 3, 1)), none, none)),
        "1-30 j");
    EXPECT_EQ(
        text(addIn->agingBucket(document, due, none, uno::Any(serial(2024, 3, 2)), none, none)),
        "31-60 j");
    EXPECT_EQ(text(addIn->agingBucket(document, due, uno::Any(serial(2024, 2, 1)),
                                      uno::Any(serial(2024, 3, 2)), none, none)),
              "Réglée");
    // paid after the as-of date: still open then
    EXPECT_EQ(text(addIn->agingBucket(document, due, uno::Any(serial(2024, 5, 1)),
                                      uno::Any(serial(2024, 3, 2)), none, none)),
              "31-60 j");
    const Range bounds = range({{uno::Any(15.0), uno::Any(45.0)}});
    EXPECT_EQ(text(addIn->agingBucket(document, due, none, uno::Any(serial(2024, 3, 17)),
                                      uno::Any(bounds), none)),
              "> 45 j");
    const Range column = range({{uno::Any(15.0)}, {uno::Any()}, {uno::Any(45.0)}});
    EXPECT_EQ(text(addIn->agingBucket(document, due, none, uno::Any(serial(2024, 2, 20)),
                                      uno::Any(column), none)),
              "16-45 j");
}

TEST_F(AddInTest, EnglishLabelsWhenTheOfficeSpeaksEnglish)
{
    rtl::Reference<ReceivablesAddIn> english(new ReceivablesAddIn(nullptr));
    english->setLocale(lang::Locale("en", "US", ""));
    english->setLocale(lang::Locale("fr", "FR", "")); // only the first locale decides results
    EXPECT_EQ(text(english->agingBucket(document, uno::Any(serial(2024, 1, 31)), none,
                                        uno::Any(serial(2024, 1, 1)), none, none)),
              "Not due");
}

TEST_F(AddInTest, BadInputIsIllegalArgument)
{
    using lang::IllegalArgumentException;
    const uno::Any date(serial(2024, 1, 15));
    const uno::Any terms(OUString("30 jours"));
    const double nan = std::numeric_limits<double>::quiet_NaN();
    EXPECT_THROW(addIn->dueDate(document, none, terms, none, none), IllegalArgumentException);
    EXPECT_THROW(addIn->dueDate(document, uno::Any(0.0), terms, none, none),
                 IllegalArgumentException);
    EXPECT_THROW(addIn->dueDate(document, uno::Any(-5.0), terms, none, none),
                 IllegalArgumentException);
    EXPECT_THROW(addIn->dueDate(document, uno::Any(1e300), terms, none, none),
                 IllegalArgumentException);
    EXPECT_THROW(addIn->dueDate(document, uno::Any(nan), terms, none, none),
                 IllegalArgumentException);
    EXPECT_THROW(addIn->dueDate(document, uno::Any(OUString("31/02/2024")), terms, none, none),
                 IllegalArgumentException);
    EXPECT_THROW(addIn->dueDate(document, date, none, none, none), IllegalArgumentException);
    // a blank terms cell arrives as 0: never silently "on receipt"
    EXPECT_THROW(addIn->dueDate(document, date, uno::Any(0.0), none, none),
                 IllegalArgumentException);
    EXPECT_THROW(addIn->dueDate(document, date, uno::Any(OUString(" ")), none, none),
                 IllegalArgumentException);
    EXPECT_THROW(addIn->dueDate(document, date, uno::Any(OUString("selon accord")), none, none),
                 IllegalArgumentException);
    EXPECT_THROW(addIn->dueDate(document, date, uno::Any(-30.0), none, none),
                 IllegalArgumentException);
    EXPECT_THROW(addIn->dueDate(document, date, terms, uno::Any(OUString("C")), none),
                 IllegalArgumentException);
    EXPECT_THROW(addIn->dueDate(document, date, terms, uno::Any(true), none),
                 IllegalArgumentException);
    const Range twoCells = range({{date, date}});
    EXPECT_THROW(addIn->dueDate(document, uno::Any(twoCells), terms, none, none),
                 IllegalArgumentException);
    EXPECT_THROW(
        addIn->dueDate(document, uno::Any(serial(9999, 12, 1)), uno::Any(60.0), none, none),
        IllegalArgumentException);
    EXPECT_THROW(addIn->daysLate(document, none, none, none), IllegalArgumentException);
    EXPECT_THROW(addIn->daysLate(document, date, uno::Any(OUString("payé")), none),
                 IllegalArgumentException);
    EXPECT_THROW(addIn->agingBucket(document, date, none, none, uno::Any(OUString("30;60")), none),
                 IllegalArgumentException);
    const Range decreasing = range({{uno::Any(60.0), uno::Any(30.0)}});
    EXPECT_THROW(addIn->agingBucket(document, date, none, none, uno::Any(decreasing), none),
                 IllegalArgumentException);
    const Range empty = range({{uno::Any()}});
    EXPECT_THROW(addIn->agingBucket(document, date, none, none, uno::Any(empty), none),
                 IllegalArgumentException);
}

TEST_F(AddInTest, ErrorMessagesNameTheProblem)
{
    try
    {
        addIn->dueDate(document, uno::Any(serial(2024, 1, 15)),
                       uno::Any(OUString("60 jours date de livraison")), none, none);
        FAIL() << "expected an exception";
    }
    catch (const lang::IllegalArgumentException& error)
    {
        EXPECT_NE(error.Message.indexOf("livraison"), -1) << error.Message;
    }
}

TEST_F(AddInTest, XAddInAnswersFromTheTable)
{
    EXPECT_EQ(addIn->getDisplayFunctionName("dueDate"), "CREANCES.ECHEANCE");
    EXPECT_EQ(addIn->getProgrammaticFuntionName("CREANCES.ECHEANCE"), "dueDate");
    EXPECT_EQ(addIn->getProgrammaticFuntionName("ar.dueDate"), "dueDate");
    EXPECT_EQ(addIn->getProgrammaticFuntionName("NOPE"), "");
    EXPECT_EQ(addIn->getDisplayArgumentName("dueDate", 1), "date_facture");
    EXPECT_EQ(addIn->getDisplayArgumentName("dueDate", 0), ""); // the hidden document
    EXPECT_EQ(addIn->getDisplayArgumentName("dueDate", 9), "");
    EXPECT_EQ(text(addIn->getDisplayCategoryName("dueDate")), "Créances clients");
    EXPECT_EQ(addIn->getProgrammaticCategoryName("dueDate"), "Add-In");
    EXPECT_THROW(addIn->getDisplayFunctionName("nope"), lang::IllegalArgumentException);

    addIn->setLocale(lang::Locale("en", "US", ""));
    EXPECT_EQ(addIn->getDisplayFunctionName("agingBucket"), "AR.AGINGBUCKET");
    EXPECT_EQ(addIn->getDisplayArgumentName("daysLate", 3), "as_of");
    EXPECT_EQ(addIn->getDisplayCategoryName("dueDate"), "Receivables");

    const auto names = addIn->getCompatibilityNames("daysLate");
    ASSERT_EQ(names.getLength(), 2);
    EXPECT_EQ(names[0].Locale.Language, "en");
    EXPECT_EQ(names[0].Name, "AR.DAYSLATE");
    EXPECT_EQ(names[1].Name, "CREANCES.JOURS.RETARD");

    EXPECT_EQ(addIn->getServiceName(), "fr.relance.Functions");
    EXPECT_TRUE(addIn->supportsService("com.sun.star.sheet.AddIn"));
}

TEST_F(AddInTest, RateFloorCheck)
{
    // 2024-S1 legal rate 5.07 %: the floor is 15.21 %.
    EXPECT_EQ(addIn->rateFloorCheck(document, uno::Any(0.16), uno::Any(serial(2024, 3, 1)), none),
              1.0);
    EXPECT_EQ(addIn->rateFloorCheck(document, uno::Any(0.15), uno::Any(serial(2024, 3, 1)), none),
              0.0);
    EXPECT_EQ(addIn->rateFloorCheck(document, uno::Any(OUString("15,21 %")),
                                    uno::Any(serial(2024, 3, 1)), none),
              1.0);
    EXPECT_THROW(
        addIn->rateFloorCheck(document, uno::Any(15.0), uno::Any(serial(2024, 3, 1)), none),
        lang::IllegalArgumentException);
}
