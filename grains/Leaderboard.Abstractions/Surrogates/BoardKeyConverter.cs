using Leaderboard.Domain.Catalogue;

namespace Leaderboard.Abstractions.Surrogates;

[RegisterConverter]
public sealed class BoardKeyConverter : IConverter<BoardKey, BoardKeySurrogate>
{
    public BoardKey ConvertFromSurrogate(in BoardKeySurrogate s) => new(s.Campaign, s.Board);

    public BoardKeySurrogate ConvertToSurrogate(in BoardKey v) => new() { Campaign = v.Campaign, Board = v.Board };
}
