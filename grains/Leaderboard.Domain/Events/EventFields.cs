using System.Text.Json;

namespace Leaderboard.Domain.Events;

/// <summary>
/// An event object's fields as <see cref="CanonicalWriter"/> read them: for each name of <see cref="EventField"/>, the
/// last property of that name (names compared once decoded, so <c>"\u0069d"</c> is <c>id</c>). Other properties are
/// the event's content only.
/// </summary>
internal readonly ref struct EventFields
{
    public const int Count = (int)EventField.Reason + 1;

    private readonly ReadOnlySpan<byte> _json;
    private readonly CanonicalWriter _writer;
    private readonly Span<int> _slots;

    /// <param name="json">The input the writer read.</param>
    /// <param name="writer">A writer that has read an object.</param>
    /// <param name="slots">Scratch of <see cref="Count"/> entries.</param>
    public EventFields(ReadOnlySpan<byte> json, CanonicalWriter writer, Span<int> slots)
    {
        _json = json;
        _writer = writer;
        _slots = slots[..Count];
        _slots.Fill(-1);

        // The writer sorts properties by name and then position: of a repeated name, the last one is met last.
        for (var i = 0; i < writer.PropertyCount; i++)
        {
            if (Find(writer.PropertyName(i)) is { } field)
            {
                _slots[(int)field] = i;
            }
        }
    }

    public JsonField this[EventField field]
    {
        get
        {
            var index = _slots[(int)field];
            if (index < 0)
            {
                return default;
            }

            ref readonly var property = ref _writer.Property(index);
            return property.Kind is JsonTokenType.String or JsonTokenType.Number
                ? new JsonField(property.Kind, _json.Slice(property.Start, property.Length), property.Escaped)
                : new JsonField(property.Kind, default, false);
        }
    }

    private static EventField? Find(ReadOnlySpan<byte> name) => name.Length switch
    {
        2 when name.SequenceEqual("id"u8) => EventField.Id,
        4 when name.SequenceEqual("type"u8) => EventField.Type,
        4 when name.SequenceEqual("unit"u8) => EventField.Unit,
        5 when name.SequenceEqual("dueAt"u8) => EventField.DueAt,
        6 when name.SequenceEqual("amount"u8) => EventField.Amount,
        6 when name.SequenceEqual("method"u8) => EventField.Method,
        6 when name.SequenceEqual("reason"u8) => EventField.Reason,
        7 when name.SequenceEqual("dossier"u8) => EventField.Dossier,
        7 when name.SequenceEqual("channel"u8) => EventField.Channel,
        7 when name.SequenceEqual("payment"u8) => EventField.Payment,
        9 when name.SequenceEqual("procedure"u8) => EventField.Procedure,
        10 when name.SequenceEqual("occurredAt"u8) => EventField.OccurredAt,
        _ => null,
    };
}
