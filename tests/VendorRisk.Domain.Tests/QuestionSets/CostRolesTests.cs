using VendorRisk.Domain.QuestionSets;

namespace VendorRisk.Domain.Tests.QuestionSets;

public class CostRolesTests
{
    [Fact]
    public void Every_cost_role_is_listed_once()
    {
        Assert.Equal(4, CostRoles.All.Distinct().Count());
    }
}
