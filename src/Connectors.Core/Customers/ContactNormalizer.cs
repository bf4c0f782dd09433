using System.Text;

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
/// The default normalization. E-mail: trimmed, Unicode NFC (Latin diacritics composed even in
/// globalization-invariant mode), lower case; without exactly one <c>@</c> with text on
/// both sides it is not usable. Phone: <c>+</c> followed by digits only (E.164 style); a leading <c>00</c> is an
/// international prefix, a leading single <c>0</c> is the trunk prefix and is replaced by the default country code,
/// and a number with neither gets the default country code.
/// </summary>
/// <param name="defaultCountryCallingCode">The calling code of the shop's home country, digits only, e.g. <c>46</c> for Sweden.</param>
public sealed class DefaultContactNormalizer(string defaultCountryCallingCode) : IContactNormalizer
{
    private const int MinimumSubscriberDigits = 5;

    /// <summary>Normalizes with Sweden (<c>46</c>) as the default country.</summary>
    public DefaultContactNormalizer()
        : this("46")
    {
    }

    /// <summary>The default country calling code.</summary>
    public string DefaultCountryCallingCode { get; } =
        !string.IsNullOrEmpty(defaultCountryCallingCode) && defaultCountryCallingCode.All(char.IsAsciiDigit)
            ? defaultCountryCallingCode
            : throw new ArgumentException("The calling code must be digits only.", nameof(defaultCountryCallingCode));

    /// <inheritdoc/>
    public string? NormalizeEmail(string? email)
    {
        if (string.IsNullOrWhiteSpace(email))
        {
            return null;
        }

        var normalized = LatinComposition.Compose(email.Trim().Normalize(NormalizationForm.FormC)).ToLowerInvariant();
        var at = normalized.IndexOf('@', StringComparison.Ordinal);
        var valid = at > 0 && at == normalized.LastIndexOf('@') && at < normalized.Length - 1;
        return valid ? normalized : null;
    }

    /// <inheritdoc/>
    public string? NormalizePhone(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone))
        {
            return null;
        }

        // "+46 (0)70 ..." writes the trunk prefix inside an international number; it is not dialled.
        var trimmed = phone.Trim().Replace("(0)", string.Empty, StringComparison.Ordinal);
        var digits = new string(trimmed.Where(char.IsAsciiDigit).ToArray());
        string international;
        if (trimmed.StartsWith('+'))
        {
            international = digits;
        }
        else if (digits.StartsWith("00", StringComparison.Ordinal))
        {
            international = digits[2..];
        }
        else if (digits.StartsWith('0'))
        {
            international = DefaultCountryCallingCode + digits[1..];
        }
        else
        {
            international = DefaultCountryCallingCode + digits;
        }

        return international.Length >= MinimumSubscriberDigits + 1 ? "+" + international : null;
    }
}
