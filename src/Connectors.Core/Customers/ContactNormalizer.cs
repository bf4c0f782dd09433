using System.Globalization;
using System.Text;
using PhoneNumbers;

namespace Connectors.Core.Customers;

/// <summary>Turns e-mail addresses and phone numbers into the forms customers are matched by.</summary>
public interface IContactNormalizer
{
    /// <summary>Normalizes an e-mail address.</summary>
    /// <param name="email">The address as entered.</param>
    /// <returns>The normalized address, or <see langword="null"/> when there is no usable address.</returns>
    string? NormalizeEmail(string? email);

    /// <summary>Normalizes a phone number.</summary>
    /// <param name="phone">The number as entered.</param>
    /// <returns>The normalized number, or <see langword="null"/> when there is no usable number.</returns>
    string? NormalizePhone(string? phone);
}

/// <summary>
/// The default normalization.
/// <para>
/// E-mail: trimmed, composed (Unicode NFC, whatever the runtime's globalization mode), lower case, and the domain in its
/// ASCII form (IDNA: <c>bücher.de</c> and <c>xn--bcher-kva.de</c> are one domain); without exactly one <c>@</c> with text
/// on both sides it is not usable.
/// </para>
/// <para>
/// Phone: E.164 (<c>+46701234567</c>) as parsed by libphonenumber, the maintained port of Google's numbering plan data:
/// a national number is read in the default country and loses its trunk zero, an international one keeps its own
/// country, and <c>+46 (0)70…</c> or <c>+46 070…</c> drop the zero that is not dialled from abroad. A number that cannot be
/// a phone number of its country is not usable.
/// </para>
/// </summary>
/// <param name="defaultCountryCallingCode">The calling code of the shop's home country, digits only, e.g. <c>46</c> for Sweden.</param>
public sealed class DefaultContactNormalizer(string defaultCountryCallingCode) : IContactNormalizer
{
    private static readonly PhoneNumberUtil _phoneNumbers = PhoneNumberUtil.GetInstance();
    private static readonly IdnMapping _domains = new();

    /// <summary>Normalizes with Sweden (<c>46</c>) as the default country.</summary>
    public DefaultContactNormalizer()
        : this("46")
    {
    }

    /// <summary>The default country calling code.</summary>
    public string DefaultCountryCallingCode { get; } = defaultCountryCallingCode;

    private string DefaultRegion { get; } = RegionOf(defaultCountryCallingCode);

    /// <inheritdoc/>
    public string? NormalizeEmail(string? email)
    {
        if (string.IsNullOrWhiteSpace(email))
        {
            return null;
        }

        var normalized = UnicodeComposition.Compose(email.Trim()).ToLowerInvariant();
        var at = normalized.IndexOf('@', StringComparison.Ordinal);
        var valid = at > 0 && at == normalized.LastIndexOf('@') && at < normalized.Length - 1;
        return valid ? normalized[..(at + 1)] + AsciiDomain(normalized[(at + 1)..]) : null;
    }

    /// <inheritdoc/>
    public string? NormalizePhone(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone))
        {
            return null;
        }

        try
        {
            // "+46 (0)70 ..." writes the trunk prefix inside an international number; it is not dialled.
            var number = _phoneNumbers.Parse(phone.Replace("(0)", string.Empty, StringComparison.Ordinal), DefaultRegion);
            return _phoneNumbers.IsPossibleNumber(number) ? _phoneNumbers.Format(number, PhoneNumberFormat.E164) : null;
        }
        catch (NumberParseException)
        {
            return null;
        }
    }

    private static string AsciiDomain(string domain)
    {
        if (Ascii.IsValid(domain))
        {
            return domain;
        }

        try
        {
            return _domains.GetAscii(domain);
        }
        catch (ArgumentException)
        {
            // Not a valid internationalized domain: compared as typed (composed, lower case).
            return domain;
        }
    }

    private static string RegionOf(string callingCode)
    {
        if (string.IsNullOrEmpty(callingCode)
            || !callingCode.All(char.IsAsciiDigit)
            || !int.TryParse(callingCode, NumberStyles.None, CultureInfo.InvariantCulture, out var code)
            || _phoneNumbers.GetRegionCodeForCountryCode(code) is not { Length: 2 } region
            || region == "ZZ")
        {
            throw new ArgumentException($"'{callingCode}' is not a country calling code (digits only, e.g. 46).", nameof(callingCode));
        }

        return region;
    }
}
