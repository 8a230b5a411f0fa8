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

    private static readonly ulong IdKey = CanonicalWriter.KeyOf("id"u8);
    private static readonly ulong TypeKey = CanonicalWriter.KeyOf("type"u8);
    private static readonly ulong OccurredAtKey = CanonicalWriter.KeyOf("occurredAt"u8);
    private static readonly ulong UnitKey = CanonicalWriter.KeyOf("unit"u8);
    private static readonly ulong DossierKey = CanonicalWriter.KeyOf("dossier"u8);
    private static readonly ulong ProcedureKey = CanonicalWriter.KeyOf("procedure"u8);
    private static readonly ulong ChannelKey = CanonicalWriter.KeyOf("channel"u8);
    private static readonly ulong DueAtKey = CanonicalWriter.KeyOf("dueAt"u8);
    private static readonly ulong PaymentKey = CanonicalWriter.KeyOf("payment"u8);
    private static readonly ulong AmountKey = CanonicalWriter.KeyOf("amount"u8);
    private static readonly ulong MethodKey = CanonicalWriter.KeyOf("method"u8);
    private static readonly ulong ReasonKey = CanonicalWriter.KeyOf("reason"u8);

    private readonly ReadOnlySpan<byte> _json;
    private readonly CanonicalWriter _writer;
    private readonly bool _ascii;
    private readonly Span<int> _slots;

    /// <param name="json">The input the writer read.</param>
    /// <param name="writer">A writer that has read an object.</param>
    /// <param name="ascii">True when the input is all ASCII.</param>
    /// <param name="slots">Scratch of <see cref="Count"/> entries.</param>
    public EventFields(ReadOnlySpan<byte> json, CanonicalWriter writer, bool ascii, Span<int> slots)
    {
        _json = json;
        _writer = writer;
        _ascii = ascii;
        _slots = slots[..Count];
        _slots.Fill(-1);

        // The writer sorts properties by name and then position: of a repeated name, the last one is met last.
        for (var i = 0; i < writer.PropertyCount; i++)
        {
            if (Find(writer.Property(i), writer, i) is { } field)
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
                ? new JsonField(property.Kind, _json.Slice(property.Start, property.Length), property.Escaped, _ascii)
                : new JsonField(property.Kind, default, false, false);
        }
    }

    /// <summary>The field a property is, by its name's length and key (and, past eight bytes, the rest of its name).</summary>
    private static EventField? Find(in CanonicalMember property, CanonicalWriter writer, int index) => property.NameLength switch
    {
        2 when property.NameKey == IdKey => EventField.Id,
        4 when property.NameKey == TypeKey => EventField.Type,
        4 when property.NameKey == UnitKey => EventField.Unit,
        5 when property.NameKey == DueAtKey => EventField.DueAt,
        6 when property.NameKey == AmountKey => EventField.Amount,
        6 when property.NameKey == MethodKey => EventField.Method,
        6 when property.NameKey == ReasonKey => EventField.Reason,
        7 when property.NameKey == DossierKey => EventField.Dossier,
        7 when property.NameKey == ChannelKey => EventField.Channel,
        7 when property.NameKey == PaymentKey => EventField.Payment,
        9 when property.NameKey == ProcedureKey && writer.PropertyName(index).SequenceEqual("procedure"u8) => EventField.Procedure,
        10 when property.NameKey == OccurredAtKey && writer.PropertyName(index).SequenceEqual("occurredAt"u8) => EventField.OccurredAt,
        _ => null,
    };
}
