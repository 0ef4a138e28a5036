using System.Text;
using CxCore.Domain;
using CxCore.Serialization;

namespace CxCore.Tests.Serialization;

/// <summary>What one test read produced.</summary>
internal sealed record ReadResult(List<Interaction> Interactions, ReadReport Report, byte[] DeadLetter)
{
    public string DeadLetterText => Encoding.UTF8.GetString(DeadLetter);

    public ReadError SingleError => Assert.Single(Report.Errors);

    public IEnumerable<string> Ids => Interactions.Select(i => i.Id.Value);
}
