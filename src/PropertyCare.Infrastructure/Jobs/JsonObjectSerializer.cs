using System.Collections.Specialized;
using System.Text.Json;
using Quartz;
using Quartz.Spi;

namespace PropertyCare.Infrastructure.Jobs;

/// <summary>Quartz's serializer on System.Text.Json (Quartz 3's JSON package is not on the feed). With
/// `useProperties` on, Quartz hands over only string maps — job data — so that is all this supports;
/// anything else is refused loudly rather than stored in a form nobody can read back.</summary>
public sealed class JsonObjectSerializer : IObjectSerializer
{
    public void Initialize() { }

    public byte[] Serialize<T>(T obj) where T : class => obj switch
    {
        NameValueCollection n => JsonSerializer.SerializeToUtf8Bytes(n.AllKeys.Where(k => k != null).ToDictionary(k => k!, k => n[k])),
        JobDataMap map => JsonSerializer.SerializeToUtf8Bytes(map.ToDictionary(kv => kv.Key, kv => kv.Value?.ToString())),
        _ => throw new NotSupportedException($"PropertyCare stores only string job data; cannot serialize {typeof(T).Name}."),
    };

    public T? DeSerialize<T>(byte[] data) where T : class
    {
        var values = JsonSerializer.Deserialize<Dictionary<string, string?>>(data) ?? [];
        if (typeof(T) == typeof(NameValueCollection) || typeof(T).IsAssignableFrom(typeof(NameValueCollection)))
        {
            var n = new NameValueCollection();
            foreach (var (k, v) in values) n[k] = v;
            return (T)(object)n;
        }
        if (typeof(T).IsAssignableFrom(typeof(JobDataMap)))
            return (T)(object)new JobDataMap((IDictionary<string, object>)values.ToDictionary(kv => kv.Key, kv => (object)(kv.Value ?? "")));
        throw new NotSupportedException($"PropertyCare stores only string job data; cannot read {typeof(T).Name}.");
    }
}
