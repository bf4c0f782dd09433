using System.Text;

namespace Connectors.Core.Tests.Finance;

/// <summary>A strict RFC 4180 reader for the tests: every record ends with CRLF, quoted fields may hold anything.</summary>
internal static class Csv
{
    public static List<List<string>> Parse(string text)
    {
        var records = new List<List<string>>();
        var record = new List<string>();
        var field = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] == '"')
            {
                i++;
                while (true)
                {
                    if (text[i] == '"' && i + 1 < text.Length && text[i + 1] == '"')
                    {
                        field.Append('"');
                        i += 2;
                    }
                    else if (text[i] == '"')
                    {
                        i++;
                        break;
                    }
                    else
                    {
                        field.Append(text[i++]);
                    }
                }
            }

            if (text[i] == ',')
            {
                record.Add(field.ToString());
                field.Clear();
                i++;
            }
            else if (text[i] == '\r' && text[i + 1] == '\n')
            {
                record.Add(field.ToString());
                field.Clear();
                records.Add(record);
                record = [];
                i += 2;
            }
            else if (text[i] is '"' or '\r' or '\n')
            {
                throw new FormatException($"unexpected {(int)text[i]} at {i}");
            }
            else
            {
                field.Append(text[i++]);
            }
        }

        if (record.Count > 0 || field.Length > 0)
        {
            throw new FormatException("the last record does not end with CRLF");
        }

        return records;
    }
}
