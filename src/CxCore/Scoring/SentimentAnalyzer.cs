using System.Collections.Frozen;

namespace CxCore.Scoring;

/// <summary>
/// Lexicon-based sentiment of a short English or Portuguese text, in one pass and without allocating: tokens are
/// folded to lower case without diacritics and looked up in <see cref="SentimentLexicon"/> (with fallbacks for
/// elongations, plurals, feminine forms, superlatives, diminutives and adverbs); emoji and emoticons count too.
/// </summary>
/// <remarks>
/// Rules, in the spirit of VADER: a negator flips the words in the next three tokens (one for "no"); an intensifier
/// scales the next word, and a diminisher right after a word scales it back ("demorou um pouco"); a contrast word
/// ("mas", "but") halves what came before and strengthens what follows by half; a concession ("apesar", "although")
/// halves its own clause and strengthens the next; "só", "apenas" next to a delivery verb ("só chegou um") make it a
/// complaint; a greeting ("bom dia") is not praise; punctuation ends a clause and the reach of negators; each "!"
/// (up to three) strengthens the total by a tenth.
/// </remarks>
internal static class SentimentAnalyzer
{
    /// <summary>The normalisation constant of <see cref="SentimentResult.Polarity"/>: Σ / √(Σ² + α).</summary>
    public const double Alpha = 10;

    private const int MaxToken = 48;
    private const int IntensifierScope = 2;
    private const int RestrictorScope = 3;
    private const float SuperlativeFactor = 1.3f;
    private const int Never = int.MinValue / 2;

    private static readonly FrozenDictionary<string, LexiconEntry>.AlternateLookup<ReadOnlySpan<char>> Lookup =
        SentimentLexicon.Entries.GetAlternateLookup<ReadOnlySpan<char>>();

    public static SentimentResult Analyze(ReadOnlySpan<char> text)
    {
        Span<char> token = stackalloc char[MaxToken];
        var state = new State();
        state.Reset();
        var length = 0;
        var overflow = false;
        for (var i = 0; i <= text.Length; i++)
        {
            var c = i < text.Length ? text[i] : ' ';
            if (char.IsLetterOrDigit(c))
            {
                if (length < MaxToken)
                {
                    token[length++] = Fold(c);
                }
                else
                {
                    overflow = true;
                }

                continue;
            }

            // Apostrophes inside a word vanish: "don't" → "dont", "didn’t" → "didnt".
            if (c is '\'' or '\u2019' && length > 0 && i + 1 < text.Length && char.IsLetter(text[i + 1]))
            {
                continue;
            }

            if (length > 0 && !overflow)
            {
                Process(token[..length], ref state);
            }

            length = 0;
            overflow = false;
            var symbol = Symbol(text, ref i);
            if (symbol != 0)
            {
                state.AddSymbol(symbol);
                continue;
            }

            switch (c)
            {
                case '!':
                    state.Exclamations++;
                    state.EndClause();
                    break;
                case '.' or '?' or ';' or ',' or ':' or '\n':
                    state.EndClause();
                    break;
            }
        }

        var sum = state.Sum;
        if (state.Hits > 0 && state.Exclamations > 0)
        {
            sum *= 1 + (0.1 * Math.Min(state.Exclamations, 3));
        }

        return new SentimentResult(sum, state.Hits);
    }

    private static void Process(ReadOnlySpan<char> token, ref State state)
    {
        state.Token++;
        if (!TryFind(token, out var entry, out var factor))
        {
            return;
        }

        switch (entry.Kind)
        {
            case LexiconKind.Negator:
                state.NegatorAt = state.Token;
                state.NegatorScope = (int)entry.Value;
                return;
            case LexiconKind.Intensifier:
                if (entry.Value < 1 && state.Token - state.LastWordAt <= IntensifierScope)
                {
                    // "demorou um pouco": a diminisher after a word weakens it.
                    state.Replace(state.LastContribution * entry.Value);
                }

                state.IntensifierAt = state.Token;
                state.Intensity = entry.Value;
                return;
            case LexiconKind.Contrast:
                state.Sum *= 0.5;
                state.ClauseWeight = 1.5;
                state.NegatorAt = Never;
                state.IntensifierAt = Never;
                return;
            case LexiconKind.Concession:
                state.ClauseWeight = 0.5;
                state.Conceding = true;
                return;
            case LexiconKind.Restrictor:
                state.RestrictorAt = state.Token;
                if (state.LastWasDelivery && state.LastWordAt == state.Token - 1)
                {
                    // "chegou apenas um", "recebi só metade".
                    state.Replace(state.LastAlternative);
                    state.LastWasDelivery = false;
                }

                return;
            case LexiconKind.GreetingTail:
                if (state.LastWordAt == state.Token - 1 && state.LastContribution > 0)
                {
                    state.Replace(0);
                    state.Hits--;
                    state.LastWordAt = Never;
                }

                return;
        }

        var delivery = entry.Kind == LexiconKind.Delivery;
        var negated = state.Token - state.NegatorAt <= state.NegatorScope
            || (delivery && state.Token - state.RestrictorAt <= RestrictorScope);
        double valence = negated ? entry.Negated : entry.Value;
        if (state.Token - state.IntensifierAt <= IntensifierScope)
        {
            valence *= state.Intensity;
        }

        var weight = factor * state.ClauseWeight;
        state.Add(valence * weight);
        state.LastWasDelivery = delivery && !negated;
        state.LastAlternative = entry.Negated * weight;
    }

    private static bool TryFind(scoped ReadOnlySpan<char> token, out LexiconEntry entry, out float factor)
    {
        factor = 1;
        if (Lookup.TryGetValue(token, out entry))
        {
            return true;
        }

        Span<char> buffer = stackalloc char[MaxToken + 1];

        // Elongations: "ótimooo" → "otimo", "adoreiii" → "adorei".
        var collapsed = Collapse(token, buffer);
        if (collapsed.Length != token.Length && Lookup.TryGetValue(collapsed, out entry))
        {
            return true;
        }

        token = collapsed;
        var n = token.Length;
        if (n < 4)
        {
            return false;
        }

        // Portuguese superlatives and diminutives: "lindíssima" → "lindo" (stronger), "rapidinho" → "rapido".
        if (EndsWith(token, "issimo") || EndsWith(token, "issima") || EndsWith(token, "errimo"))
        {
            buffer[n - 6] = 'o';
            if (Lookup.TryGetValue(buffer[..(n - 5)], out entry))
            {
                factor = SuperlativeFactor;
                return true;
            }

            return false;
        }

        if (EndsWith(token, "inho") || EndsWith(token, "inha"))
        {
            buffer[n - 4] = 'o';
            return Lookup.TryGetValue(buffer[..(n - 3)], out entry);
        }

        // Portuguese plurals in -ns and -ais: "ruins" → "ruim", "bons" → "bom", "pontuais" → "pontual".
        if (EndsWith(token, "ns"))
        {
            buffer[n - 2] = 'm';
            return Lookup.TryGetValue(buffer[..(n - 1)], out entry);
        }

        if (EndsWith(token, "ais"))
        {
            buffer[n - 2] = 'l';
            return Lookup.TryGetValue(buffer[..(n - 1)], out entry);
        }

        // Plurals: "ótimos" → "otimo", "problemas" → "problema", "products" → "product".
        if (token[n - 1] == 's')
        {
            if (Lookup.TryGetValue(token[..(n - 1)], out entry))
            {
                return true;
            }

            n--;
            token = token[..n];
        }

        // Feminine: "ótima" → "otimo", "rápida" → "rapido", "satisfeitas" → "satisfeito".
        if (token[n - 1] == 'a')
        {
            buffer[n - 1] = 'o';
            return Lookup.TryGetValue(buffer[..n], out entry);
        }

        // English adverbs: "quickly" → "quick", "poorly" → "poor".
        if (EndsWith(token, "ly"))
        {
            return Lookup.TryGetValue(token[..(n - 2)], out entry);
        }

        return false;
    }

    // Copies the token into the buffer with every run of three or more equal letters made one ("ótimooo" → "otimo").
    private static ReadOnlySpan<char> Collapse(ReadOnlySpan<char> token, Span<char> buffer)
    {
        var length = 0;
        for (var i = 0; i < token.Length;)
        {
            var run = 1;
            while (i + run < token.Length && token[i + run] == token[i])
            {
                run++;
            }

            var keep = run >= 3 ? 1 : run;
            for (var k = 0; k < keep; k++)
            {
                buffer[length++] = token[i];
            }

            i += run;
        }

        return buffer[..length];
    }

    // The valence of an emoji or emoticon starting at text[i] (advancing i past it), or 0.
    private static float Symbol(ReadOnlySpan<char> text, ref int i)
    {
        if (i >= text.Length)
        {
            return 0;
        }

        var c = text[i];
        if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
        {
            var valence = char.ConvertToUtf32(c, text[i + 1]) switch
            {
                0x1F60D or 0x1F970 or 0x1F929 or 0x1F618 => 3f, // 😍 🥰 🤩 😘
                0x1F44D or 0x1F44F or 0x1F60A or 0x1F600 or 0x1F603 or 0x1F604 or 0x1F601 or 0x1F4AF or 0x1F64F => 2f, // 👍 👏 😊 😀 😃 😄 😁 💯 🙏
                0x1F642 or 0x1F609 or 0x1F60C => 1.5f, // 🙂 😉 😌
                0x1F44E or 0x1F620 => -2.5f, // 👎 😠
                0x1F621 or 0x1F92C or 0x1F4A9 => -3f, // 😡 🤬 💩
                0x1F61E or 0x1F622 or 0x1F624 or 0x1F61F or 0x1F615 => -2f, // 😞 😢 😤 😟 😕
                0x1F62D or 0x1F629 or 0x1F62B => -2.5f, // 😭 😩 😫
                0x1F641 or 0x1F612 => -1.5f, // 🙁 😒
                _ => 0f,
            };
            if (valence != 0)
            {
                i++;
            }

            return valence;
        }

        switch (c)
        {
            case '\u2764': // ❤
                return 2.5f;
            case '\u263A': // ☺
                return 1.5f;
            case '\u2639': // ☹
                return -1.5f;
            case ':' or ';' or '=':
                var next = i + 1 < text.Length && text[i + 1] == '-' ? i + 2 : i + 1;
                if (next < text.Length && text[next] is ')' or 'D' or '(')
                {
                    var emoticon = text[next] == '(' ? -1.5f : 1.5f;
                    i = next;
                    return emoticon;
                }

                return 0;
            default:
                return 0;
        }
    }

    private static bool EndsWith(ReadOnlySpan<char> token, string suffix) => token.EndsWith(suffix, StringComparison.Ordinal);

    // Lower case without diacritics, for the Latin letters of English and Portuguese (and their neighbours).
    private static char Fold(char c)
    {
        if (c < 128)
        {
            return c is >= 'A' and <= 'Z' ? (char)(c + 32) : c;
        }

        c = char.ToLowerInvariant(c);
        return c switch
        {
            'à' or 'á' or 'â' or 'ã' or 'ä' or 'å' or 'ª' => 'a',
            'ç' => 'c',
            'è' or 'é' or 'ê' or 'ë' => 'e',
            'ì' or 'í' or 'î' or 'ï' => 'i',
            'ñ' => 'n',
            'ò' or 'ó' or 'ô' or 'õ' or 'ö' or 'º' => 'o',
            'ù' or 'ú' or 'û' or 'ü' => 'u',
            'ý' or 'ÿ' => 'y',
            _ => c,
        };
    }

    private struct State
    {
        public double Sum;
        public int Hits;
        public int Token;
        public int NegatorAt;
        public int NegatorScope;
        public int IntensifierAt;
        public double Intensity;
        public int RestrictorAt;
        public double ClauseWeight;
        public bool Conceding;
        public int Exclamations;
        public int LastWordAt;
        public double LastContribution;
        public double LastAlternative;
        public bool LastWasDelivery;

        public void Reset()
        {
            NegatorAt = IntensifierAt = RestrictorAt = LastWordAt = Never;
            ClauseWeight = 1;
        }

        public void Add(double contribution)
        {
            Sum += contribution;
            Hits++;
            LastWordAt = Token;
            LastContribution = contribution;
        }

        public void Replace(double contribution)
        {
            Sum += contribution - LastContribution;
            LastContribution = contribution;
        }

        public void AddSymbol(float valence)
        {
            Token++;
            Add(valence);
            LastWasDelivery = false;
        }

        public void EndClause()
        {
            NegatorAt = IntensifierAt = RestrictorAt = Never;
            if (Conceding)
            {
                Conceding = false;
                ClauseWeight = 1.5;
            }
        }
    }
}
