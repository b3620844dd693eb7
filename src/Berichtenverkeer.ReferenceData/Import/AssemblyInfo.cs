using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("Berichtenverkeer.ReferenceData.Tests")]
