using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace PropertyCare.Infrastructure.Data.Mappings;

/// <summary>Stores a small value list (checklist lines, defects, fees, key loans, meter readings) as one JSON text
/// column. They are read and written with their record and never queried on their own, and being one property they
/// are compared, saved and kept in the record's history together (owned collections would be separate entries that
/// the history capture does not see). Chinese stays readable in the column and in the history.</summary>
internal static class JsonColumn
{
    internal static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static PropertyBuilder<T> AsJson<T>(this PropertyBuilder<T> p) where T : class =>
        p.HasConversion(
            new ValueConverter<T, string>(v => JsonSerializer.Serialize(v, Options), s => JsonSerializer.Deserialize<T>(s, Options)!),
            // Elements are mutable (a line's result is set in place), so changes are found by comparing the JSON and
            // the snapshot is a deep copy.
            new ValueComparer<T>(
                (a, b) => JsonSerializer.Serialize(a, Options) == JsonSerializer.Serialize(b, Options),
                v => JsonSerializer.Serialize(v, Options).GetHashCode(),
                v => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(v, Options), Options)!));
}
