using CxCore.Domain;

namespace CxCore.Tests.Domain;

public sealed class CustomerTests
{
    [Theory]
    [InlineData(" Ana@Example.COM ", "ana@example.com")]
    [InlineData("ANA.SILVA+cx@Mail.Example.com", "ana.silva+cx@mail.example.com")]
    public void Email_identities_are_trimmed_and_lower_cased(string written, string stored)
    {
        var identity = new CustomerIdentity(IdentityKind.Email, written);

        Assert.Equal(stored, identity.Value);
        Assert.Equal($"email:{stored}", identity.ToString());
    }

    [Fact]
    public void The_same_email_typed_differently_is_the_same_identity() =>
        Assert.Equal(new CustomerIdentity(IdentityKind.Email, "ana@example.com"), new CustomerIdentity(IdentityKind.Email, "  ANA@example.com"));

    [Theory]
    [InlineData("ana")]
    [InlineData("@example.com")]
    [InlineData("ana@")]
    [InlineData("ana@mail@example.com")]
    [InlineData("ana silva@example.com")]
    [InlineData("   ")]
    public void Malformed_emails_are_rejected(string value)
    {
        var e = Assert.Throws<ArgumentException>(() => new CustomerIdentity(IdentityKind.Email, value));

        Assert.Equal("value", e.ParamName);
        Assert.StartsWith($"An email identity must look like name@domain, but was '{value}'.", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("+55 (11) 5555-0100", "+551155550100")]
    [InlineData(" 011.5555.0100 ", "01155550100")]
    [InlineData("555", "555")]
    public void Phone_identities_keep_a_leading_plus_and_digits(string written, string stored) =>
        Assert.Equal(stored, new CustomerIdentity(IdentityKind.Phone, written).Value);

    [Theory]
    [InlineData("555-0100 ext 2")]
    [InlineData("55+11")]
    [InlineData("+55/11")]
    public void Phone_identities_with_other_characters_are_rejected(string value)
    {
        var e = Assert.Throws<ArgumentException>(() => new CustomerIdentity(IdentityKind.Phone, value));

        Assert.Equal("value", e.ParamName);
        Assert.StartsWith($"A phone identity may contain digits, a leading '+', spaces, '-', '.', and parentheses, but was '{value}'.", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("+12")]
    [InlineData("(  )")]
    [InlineData("123456789012345678901")]
    public void Phone_identities_need_3_to_20_digits(string value)
    {
        var e = Assert.Throws<ArgumentException>(() => new CustomerIdentity(IdentityKind.Phone, value));
        Assert.StartsWith($"A phone identity must have 3-20 digits, but was '{value}'.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Other_identity_kinds_are_trimmed_and_kept_as_written()
    {
        Assert.Equal("Dev-ABC", new CustomerIdentity(IdentityKind.DeviceId, " Dev-ABC ").Value);
        Assert.Equal("L-0042", new CustomerIdentity(new IdentityKind("crm"), "L-0042").Value);

        var e = Assert.Throws<ArgumentException>(() => new CustomerIdentity(IdentityKind.LoyaltyNumber, "  "));
        Assert.StartsWith("loyalty identity must not be empty or white space", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_default_identity_kind_or_a_null_value_is_rejected()
    {
        Assert.Equal("kind", Assert.Throws<ArgumentException>(() => new CustomerIdentity(default, "x")).ParamName);
        Assert.Throws<ArgumentNullException>(() => new CustomerIdentity(IdentityKind.Email, null!));
        Assert.Throws<ArgumentException>(() => new IdentityKind("with space"));
    }

    [Fact]
    public void A_customer_keeps_identities_attributes_and_consent()
    {
        var ana = new Customer(new CustomerId("c-42"))
        {
            Identities = [new CustomerIdentity(IdentityKind.Email, "ana@example.com"), new CustomerIdentity(IdentityKind.Phone, "+55 11 5555-0100")],
            Attributes = new Dictionary<string, string> { ["segment"] = "gold" },
            Consent = ConsentPurposes.Analytics | ConsentPurposes.Surveys,
        };

        Assert.Equal(2, ana.Identities.Count);
        Assert.Equal("gold", ana.Attributes["segment"]);
        Assert.True(ana.HasConsented(ConsentPurposes.Analytics));
        Assert.True(ana.HasConsented(ConsentPurposes.Analytics | ConsentPurposes.Surveys));
        Assert.False(ana.HasConsented(ConsentPurposes.Marketing));
        Assert.False(ana.HasConsented(ConsentPurposes.Analytics | ConsentPurposes.Marketing));
        Assert.True(ana.HasConsented(ConsentPurposes.None));
    }

    [Fact]
    public void A_new_customer_has_no_identities_attributes_or_consent()
    {
        var customer = new Customer(TestData.Customer);

        Assert.Empty(customer.Identities);
        Assert.Empty(customer.Attributes);
        Assert.Equal(ConsentPurposes.None, customer.Consent);
        Assert.False(customer.HasConsented(ConsentPurposes.Analytics));
        Assert.True(new Customer(TestData.Customer) { Consent = ConsentPurposes.All }.HasConsented(ConsentPurposes.Marketing | ConsentPurposes.Personalization));
    }

    [Fact]
    public void Duplicate_identities_after_normalisation_are_rejected()
    {
        var e = Assert.Throws<ArgumentException>(() => new Customer(TestData.Customer)
        {
            Identities = [new CustomerIdentity(IdentityKind.Email, "Ana@Example.com"), new CustomerIdentity(IdentityKind.Email, "ana@example.com ")],
        });

        Assert.Equal("identities", e.ParamName);
        Assert.StartsWith("identities contains 'email:ana@example.com' twice; each alias may appear once.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_value_under_different_kinds_is_not_a_duplicate()
    {
        var customer = new Customer(TestData.Customer)
        {
            Identities = [new CustomerIdentity(IdentityKind.DeviceId, "12345"), new CustomerIdentity(IdentityKind.LoyaltyNumber, "12345")],
        };

        Assert.Equal(2, customer.Identities.Count);
    }

    [Fact]
    public void A_default_identity_is_rejected()
    {
        var e = Assert.Throws<ArgumentException>(() => new Customer(TestData.Customer) { Identities = [default] });
        Assert.StartsWith("identities must not contain a default CustomerIdentity.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Identities_are_copied_from_the_source_list()
    {
        var source = new List<CustomerIdentity> { new(IdentityKind.Email, "ana@example.com") };
        var customer = new Customer(TestData.Customer) { Identities = source };

        source.Add(new CustomerIdentity(IdentityKind.Phone, "+5511"));

        Assert.Single(customer.Identities);
    }

    [Theory]
    [InlineData(16)]
    [InlineData(-1)]
    public void Undefined_consent_flags_are_rejected(int flags)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new Customer(TestData.Customer) { Consent = (ConsentPurposes)flags });

        Assert.Equal("consent", e.ParamName);
        Assert.Equal((ConsentPurposes)flags, e.ActualValue);
        Assert.StartsWith(
            $"consent has undefined flags {flags & ~(int)ConsentPurposes.All}; expected a combination of Analytics, Personalization, Marketing and Surveys.",
            e.Message,
            StringComparison.Ordinal);
    }
}
