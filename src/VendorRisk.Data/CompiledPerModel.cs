using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Metadata;

namespace VendorRisk.Data;

/// <summary>
/// A compiled query (<see cref="EF.CompileAsyncQuery"/>) for each EF model it runs against. EF binds a compiled query to
/// the model it first ran with, and one process can hold two: SQLite and PostgreSQL, as <c>database copy</c> and the
/// tests do.
/// </summary>
public sealed class CompiledPerModel<TQuery>(Func<TQuery> compile) where TQuery : class
{
    private readonly ConditionalWeakTable<IModel, TQuery> _byModel = [];

    public TQuery For(DbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return _byModel.GetValue(db.Model, _ => compile());
    }
}
